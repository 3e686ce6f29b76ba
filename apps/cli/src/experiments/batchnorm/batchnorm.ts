import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { reportScales } from './batchnorm-report';
import { trainEachScale } from './batchnorm-steps';

/** Parameters of the batchnorm experiment. */
export interface BatchnormParams {
  train: number;
  test: number;
  epochs: number;
  batchSize: number;
  lr: number;
  hidden: number[];
  /** The initial weight standard deviations compared. */
  scales: number[];
}

/** `count` values evenly spaced in log10 from 10^from to 10^to, as NumPy's logspace. */
export function logspace(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) =>
    Number((10 ** (from + ((to - from) * i) / Math.max(1, count - 1))).toPrecision(4)),
  );
}

const HIDDEN = [100, 100, 100, 100, 100];

/**
 * Item 4 of the curriculum: the same deep ReLU MLP (5 hidden layers of 100) trained with plain SGD
 * on a small MNIST subset from many initial weight scales, with and without BatchNorm: training
 * accuracy per epoch, one small chart per scale (ゼロから作るDeep Learning, ch. 6.3.2). Method:
 * (1) load the digits, (2) train the net plain and with BatchNorm from each scale, (3) report.
 */
export const batchnorm = defineExperiment<BatchnormParams>({
  name: 'batchnorm',
  description:
    'a deep MLP with and without BatchNorm from 16 initial weight scales: training-accuracy curves',
  sizes: {
    quick: {
      train: 1000,
      test: 1000,
      epochs: 8,
      batchSize: 100,
      lr: 0.01,
      hidden: HIDDEN,
      scales: logspace(0, -4, 6),
    },
    default: {
      train: 1000,
      test: 2000,
      epochs: 20,
      batchSize: 100,
      lr: 0.01,
      hidden: HIDDEN,
      scales: logspace(0, -4, 16),
    },
    full: {
      train: 1000,
      test: 10000,
      epochs: 20,
      batchSize: 100,
      lr: 0.01,
      hidden: HIDDEN,
      scales: logspace(0, -4, 16),
    },
  },
  source: {
    citation: 'Saito, ゼロから作るDeep Learning (2016), §6.3.2, Figure 6-19',
    setting:
      'a 6-layer ReLU MLP (5 hidden layers of 100), SGD lr 0.01, batch 100, 1,000 MNIST training digits, 20 epochs, 16 weight scales from std 1 to 1e-4',
    figure: 'with BatchNorm, training accuracy rises faster at almost every initial weight scale',
    sizesFollowing: ['default', 'full'],
  },
  async run(context) {
    const digits = await mnistSubsets({ train: context.params.train, test: context.params.test });
    const results = await trainEachScale(context, digits);
    return reportScales(context.params, results);
  },
});
