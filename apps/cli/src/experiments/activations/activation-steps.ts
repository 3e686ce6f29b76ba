import type { Dataset } from '@nagare/data';
import { Adam } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { ExperimentContext } from '../experiment';
import { trainClassifier } from '../support/train-classifier';
import { type ActivationChoice, activationMlp } from './activation-mlp';
import type { ActivationsParams } from './activations';
import type { ActivationRun } from './activations-report';

/** MNIST digits to train and test on. */
export interface Digits {
  train: Dataset<Tensor[]>;
  test: Dataset<Tensor[]>;
}

// One net: the same initial weights (seed), data order and Adam for every activation.
async function trainOne(
  context: ExperimentContext<ActivationsParams>,
  digits: Digits,
  activation: ActivationChoice,
  hidden: readonly number[],
  name: string,
): Promise<ActivationRun> {
  const p = context.params;
  const model = activationMlp(activation, hidden, context.seed);
  const optimizer = new Adam(model.parameters(), { lr: p.lr });
  const run = await trainClassifier(context, {
    name,
    model,
    optimizer,
    ...digits,
    epochs: p.epochs,
    batchSize: p.batchSize,
    seed: context.seed,
    lossEvery: 1,
    tags: { hidden_layers: hidden.length },
  });
  const parameters = model.numParameters();
  optimizer.dispose();
  model.dispose();
  return { activation, run, parameters };
}

/** Step 2: the shallow MLP (`hidden`) once with every activation. */
export async function trainEachActivation(
  context: ExperimentContext<ActivationsParams>,
  digits: Digits,
): Promise<ActivationRun[]> {
  const runs: ActivationRun[] = [];
  for (const activation of context.params.activations) {
    runs.push(await trainOne(context, digits, activation, context.params.hidden, activation));
  }
  return runs;
}

/** Step 3: the deep MLP (`deepLayers` hidden layers as wide as the first) with each of `deepActivations`. */
export async function trainDeepStack(
  context: ExperimentContext<ActivationsParams>,
  digits: Digits,
): Promise<ActivationRun[]> {
  const p = context.params;
  const hidden = Array.from({ length: p.deepLayers }, () => p.hidden[0]);
  const runs: ActivationRun[] = [];
  for (const activation of p.deepActivations) {
    runs.push(await trainOne(context, digits, activation, hidden, `${activation}, ${p.deepLayers} layers`));
  }
  return runs;
}
