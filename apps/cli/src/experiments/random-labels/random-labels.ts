import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { reportRandomLabels } from './random-labels-report';
import { trainEachFraction } from './random-labels-steps';

/** Parameters of the random-labels experiment. */
export interface RandomLabelsParams {
  trainSamples: number;
  testSamples: number;
  /** Shares of the training labels replaced by uniformly random classes. */
  fractions: number[];
  /** Hidden layer sizes of the MLP. */
  hidden: number[];
  epochs: number;
  batchSize: number;
  /** Adam's learning rate. */
  lr: number;
}

/**
 * Deep nets fit random labels (Zhang et al., 2017): one MLP trained on a subset of MNIST with 0%
 * to 100% of its training labels randomized reaches ~100% training accuracy every time, while its
 * test accuracy falls to chance. Method: (1) load the digits, (2) train the MLP on each labelling,
 * (3) report learning curves, accuracy and time to fit against the share of random labels.
 */
export const randomLabels = defineExperiment<RandomLabelsParams>({
  name: 'random-labels',
  description: 'an MLP memorizes MNIST with 0–100% random labels: train accuracy ~100%, test falls to chance',
  sizes: {
    quick: {
      trainSamples: 500,
      testSamples: 2000,
      fractions: [0, 0.5, 1],
      hidden: [512, 512],
      epochs: 40,
      batchSize: 32,
      lr: 1e-3,
    },
    default: {
      trainSamples: 1000,
      testSamples: 5000,
      fractions: [0, 0.2, 0.4, 0.6, 0.8, 1],
      hidden: [512, 512],
      epochs: 60,
      batchSize: 32,
      lr: 1e-3,
    },
    full: {
      trainSamples: 5000,
      testSamples: 10000,
      fractions: [0, 0.2, 0.4, 0.6, 0.8, 1],
      hidden: [1024, 1024],
      epochs: 150,
      batchSize: 64,
      lr: 1e-3,
    },
  },
  source: {
    citation:
      'Zhang, Bengio, Hardt, Recht & Vinyals, Understanding deep learning requires rethinking generalization (ICLR 2017), Figure 1',
    setting:
      'fully random labels fitted to 100% training accuracy, and the time to fit against the share of random labels (0% to 100%); here on 5,000 MNIST digits with a 784-1024-1024-10 MLP instead of CIFAR-10',
    figure:
      '100% training accuracy on fully random labels; the time to fit grows with the share of random labels',
  },
  async run(context) {
    const digits = await mnistSubsets({
      train: context.params.trainSamples,
      test: context.params.testSamples,
    });
    const runs = await trainEachFraction(context, digits);
    return reportRandomLabels(context.params, runs);
  },
});
