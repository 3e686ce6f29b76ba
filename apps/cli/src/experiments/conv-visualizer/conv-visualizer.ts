import { defineExperiment } from '../experiment';
import { reportConv } from './conv-report';
import { trainLenetFilters, workDemo } from './conv-steps';

/** Parameters of the conv-visualizer experiment. */
export interface ConvVisualizerParams {
  /** MNIST digits LeNet-5 is trained on, and tested on. */
  mnistTrain: number;
  mnistTest: number;
  epochs: number;
  batchSize: number;
  lr: number;
}

/**
 * Convolution made visible: the CS231n / ConvNetJS demo's arithmetic (a 7×7×3 padded input, two
 * 3×3×3 filters, stride 2, a 3×3×2 output) step by step, checked against nagare's `conv2d`; then
 * the first-layer filters LeNet-5 learns on MNIST, as images, with the feature maps they make.
 * Method: (1) work the demo, (2) train LeNet-5, (3) report.
 */
export const convVisualizer = defineExperiment<ConvVisualizerParams>({
  name: 'conv-visualizer',
  description: 'the ConvNetJS convolution demo step by step; LeNet-5 first-layer filters as images',
  sizes: {
    quick: { mnistTrain: 3000, mnistTest: 1000, epochs: 2, batchSize: 32, lr: 2e-3 },
    default: { mnistTrain: 10_000, mnistTest: 5000, epochs: 4, batchSize: 32, lr: 2e-3 },
    full: { mnistTrain: 60_000, mnistTest: 10_000, epochs: 10, batchSize: 32, lr: 2e-3 },
  },
  source: {
    citation: 'Stanford CS231n, Convolutional Neural Networks: the convolution demo (built on ConvNetJS)',
    setting:
      'a 5×5×3 input padded by 1, two 3×3×3 filters with biases 1 and 0, stride 2, a 3×3×2 output, every value worked out by hand; and LeNet-5 trained on all 60,000 MNIST digits',
    figure: 'each output value is the sum over the channels of window × filter, plus the bias',
    sizesFollowing: ['quick', 'default', 'full'],
  },
  async run(context) {
    const worked = await workDemo(context);
    const lenet = await trainLenetFilters(context);
    return reportConv(context.params, worked, lenet);
  },
});
