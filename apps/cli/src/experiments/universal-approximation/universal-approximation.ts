import { defineExperiment } from '../experiment';
import type { ShallowActivation, TargetName } from './fit-curve';
import { fitEveryCurve, reportFits } from './universal-report';

/** Parameters of the universal-approximation experiment. */
export interface UniversalApproximationParams {
  targets: TargetName[];
  /** Hidden units to compare. */
  widths: number[];
  activation: ShallowActivation;
  samples: number;
  steps: number;
  lr: number;
  gridPoints: number;
}

/**
 * The universal-approximation theorem in practice: one hidden layer of 2, 8, 32 and 128 units
 * fitted to sin(πx), a step and a bump. Method: (1) fit every target with every width, (2) report
 * the fitted curves and the error against the width.
 */
export const universalApproximation = defineExperiment<UniversalApproximationParams>({
  name: 'universal-approximation',
  description: 'one hidden layer of 2, 8, 32, 128 units fitting sin(πx), a step and a bump',
  sizes: {
    quick: {
      targets: ['sin', 'step', 'bump'],
      widths: [2, 8, 32, 128],
      activation: 'sigmoid',
      samples: 256,
      steps: 1500,
      lr: 0.02,
      gridPoints: 201,
    },
    default: {
      targets: ['sin', 'step', 'bump'],
      widths: [2, 8, 32, 128],
      activation: 'sigmoid',
      samples: 256,
      steps: 5000,
      lr: 0.02,
      gridPoints: 201,
    },
    full: {
      targets: ['sin', 'step', 'bump'],
      widths: [2, 8, 32, 128, 512],
      activation: 'sigmoid',
      samples: 1024,
      steps: 20_000,
      lr: 0.01,
      gridPoints: 401,
    },
  },
  source: {
    citation:
      'Cybenko, Approximation by superpositions of a sigmoidal function (1989); Nielsen, Neural Networks and Deep Learning, ch. 4',
    setting:
      'one hidden sigmoid layer fitted to continuous targets (and a step, which the theorem does not cover) with ever more units; here 1,024 points, 20,000 full-batch Adam steps, 2 to 512 units',
    figure:
      'enough hidden units fit a continuous function as closely as wanted: the error keeps falling as the layer widens',
  },
  async run(context) {
    const fits = await fitEveryCurve(context);
    return reportFits(context.params, fits);
  },
});
