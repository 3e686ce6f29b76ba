import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { reportDepthWidth } from './depth-width-report';
import { type DepthResult, trainDepth } from './depth-width-steps';

/** Parameters of the depth-width experiment. */
export interface DepthWidthParams {
  trainSamples: number;
  testSamples: number;
  /** Parameters of every network; each depth gets the width that fits it. */
  budget: number;
  /** Numbers of hidden layers to compare. */
  depths: number[];
  epochs: number;
  batchSize: number;
  /** SGD learning rate (momentum 0.9). */
  lr: number;
}

/**
 * Depth vs width at a fixed parameter budget, plain vs residual: MLPs on MNIST with 1…32 hidden
 * layers, each as wide as the budget allows. Method: (1) load the digits, (2) at each depth train
 * the plain and the residual net, (3) report accuracy against depth and width, and the losses.
 */
export const depthWidth = defineExperiment<DepthWidthParams>({
  name: 'depth-width',
  description: 'MNIST MLPs of one parameter budget from 1 to 32 layers deep, plain vs residual',
  sizes: {
    quick: {
      trainSamples: 5000,
      testSamples: 2000,
      budget: 50_000,
      depths: [1, 4, 16],
      epochs: 3,
      batchSize: 64,
      lr: 0.02,
    },
    default: {
      trainSamples: 20_000,
      testSamples: 10_000,
      budget: 100_000,
      depths: [1, 2, 4, 8, 16, 32],
      epochs: 5,
      batchSize: 64,
      lr: 0.02,
    },
    full: {
      trainSamples: 60_000,
      testSamples: 10_000,
      budget: 100_000,
      depths: [1, 2, 4, 8, 16, 32, 64],
      epochs: 10,
      batchSize: 64,
      lr: 0.02,
    },
  },
  source: {
    citation:
      'He, Zhang, Ren & Sun, Deep Residual Learning for Image Recognition (CVPR 2016), Figures 1 and 4',
    setting:
      'plain nets get worse as they get deeper (degradation: higher training error) while residual nets of the same depth and parameters do not; here ReLU MLPs of one parameter budget on all 60,000 MNIST digits from 1 to 64 hidden layers',
    figure: 'the deeper plain net ends worse than the shallower one; its residual twin does not',
  },
  async run(context) {
    const digits = await mnistSubsets({
      train: context.params.trainSamples,
      test: context.params.testSamples,
    });
    const results: DepthResult[] = [];
    for (const depth of context.params.depths) results.push(await trainDepth(context, digits, depth));
    return reportDepthWidth(context.params, results);
  },
});
