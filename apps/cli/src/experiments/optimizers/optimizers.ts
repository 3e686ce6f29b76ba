import { defineExperiment } from '../experiment';
import { tracePaths, trainEachOptimizer } from './optimizers-steps';
import { reportOptimizers } from './optimizers-verdict';

/** Parameters of the optimizers experiment. */
export interface OptimizersParams {
  /** Updates per optimizer on f(x, y) = x²/20 + y². */
  pathSteps: number;
  train: number;
  test: number;
  epochs: number;
  batchSize: number;
  /** Hidden layers of the MNIST net (ReLU, He init). */
  hidden: number[];
}

/**
 * Item 3 of the curriculum: SGD, Momentum, AdaGrad and Adam on f(x, y) = x²/20 + y² (contours with
 * each optimizer's path, from `optimizerPaths()`), and the four training a 5-layer ReLU net on MNIST
 * (training-loss curves), with the learning rates of ゼロから作るDeep Learning, ch. 6.1. Method:
 * (1) trace the paths, (2) train the MNIST net with each optimizer, (3) report.
 */
export const optimizers = defineExperiment<OptimizersParams>({
  name: 'optimizers',
  description: 'SGD, Momentum, AdaGrad, Adam: paths on x²/20 + y² and MNIST training-loss curves',
  sizes: {
    quick: {
      pathSteps: 30,
      train: 6000,
      test: 2000,
      epochs: 1,
      batchSize: 128,
      hidden: [100, 100, 100, 100],
    },
    default: {
      pathSteps: 30,
      train: 60000,
      test: 10000,
      epochs: 4,
      batchSize: 128,
      hidden: [100, 100, 100, 100],
    },
    full: {
      pathSteps: 30,
      train: 60000,
      test: 10000,
      epochs: 12,
      batchSize: 128,
      hidden: [100, 100, 100, 100],
    },
  },
  source: {
    citation: 'Saito, ゼロから作るDeep Learning (2016), §6.1.7–6.1.8, Figures 6-8 and 6-9',
    setting:
      'SGD, Momentum, AdaGrad and Adam on f(x, y) = x²/20 + y² from (−7, 2), and a 5-layer ReLU net of 100 units on MNIST for about 2,000 iterations of batch 128',
    figure: 'on MNIST, SGD learns slowest; Momentum, AdaGrad and Adam faster',
    sizesFollowing: ['default', 'full'],
  },
  async run(context) {
    const paths = await tracePaths(context);
    const runs = await trainEachOptimizer(context);
    return reportOptimizers(context.params, paths, runs);
  },
});
