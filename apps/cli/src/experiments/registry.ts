import { CliError } from '../errors/cli-error';
import { didYouMean } from '../util/nearest';
import { activations } from './activations/activations';
import { batchnorm } from './batchnorm/batchnorm';
import { cnnZoo } from './cnn-zoo/cnn-zoo';
import { convVisualizer } from './conv-visualizer/conv-visualizer';
import { depthWidth } from './depth-width/depth-width';
import type { AnyExperiment, Experiment } from './experiment';
import { forgetting } from './forgetting/forgetting';
import { hyperparameterSearch } from './hyperparameter-search/hyperparameter-search';
import { initHistograms } from './init-histograms/init-histograms';
import { optimizers } from './optimizers/optimizers';
import { overfitting } from './overfitting/overfitting';
import { randomLabels } from './random-labels/random-labels';
import { seluSnn } from './selu-snn/selu-snn';
import { universalApproximation } from './universal-approximation/universal-approximation';
import { vanishingGradients } from './vanishing-gradients/vanishing-gradients';

// Each experiment is typed by its own parameters; the list holds them with the type erased.
const erase = <P extends object>(experiment: Experiment<P>) => experiment as unknown as AnyExperiment;

/** Every built-in experiment, in the curriculum's order. A new experiment adds one line here. */
export const EXPERIMENTS: readonly AnyExperiment[] = [
  erase(activations),
  erase(initHistograms),
  erase(optimizers),
  erase(batchnorm),
  erase(overfitting),
  erase(hyperparameterSearch),
  erase(seluSnn),
  erase(depthWidth),
  erase(vanishingGradients),
  erase(randomLabels),
  erase(forgetting),
  erase(universalApproximation),
  erase(cnnZoo),
  erase(convVisualizer),
];

/**
 * The experiment called `name`; a CliError with the nearest name otherwise.
 *
 * @example
 * findExperiment('activations').sizes.default;
 */
export function findExperiment(name: string): AnyExperiment {
  const experiment = EXPERIMENTS.find((candidate) => candidate.name === name);
  if (experiment) return experiment;
  const names = EXPERIMENTS.map((e) => e.name);
  const hint = didYouMean(name, names) || `; built-in experiments: ${names.join(', ')}`;
  throw new CliError(name, `unknown experiment${hint}`);
}
