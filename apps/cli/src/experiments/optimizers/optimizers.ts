import { Flatten, init, Sequential } from '@nagare/layers';
import { mlp } from '@nagare/layers/models';
import { Adagrad, Adam, Momentum, type Optimizer, optimizerPaths, SGD } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import { formatNumber } from '../../util/format';
import { defineExperiment, type JsonValue } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import {
  bowl,
  distanceToMinimum,
  finalLoss,
  lossFigure,
  optimizersTable,
  pathFigures,
} from './optimizers-report';

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

/** The four optimizers with the lecture's learning rates for MNIST. */
export const MNIST_OPTIMIZERS: readonly {
  name: string;
  lr: number;
  make: (p: Tensor[], lr: number) => Optimizer;
}[] = [
  { name: 'SGD', lr: 0.01, make: (p, lr) => new SGD(p, { lr }) },
  { name: 'Momentum', lr: 0.01, make: (p, lr) => new Momentum(p, { lr, momentum: 0.9 }) },
  { name: 'AdaGrad', lr: 0.01, make: (p, lr) => new Adagrad(p, { lr }) },
  { name: 'Adam', lr: 0.001, make: (p, lr) => new Adam(p, { lr }) },
];

/**
 * Item 3 of the curriculum: SGD, Momentum, AdaGrad and Adam on f(x, y) = x²/20 + y² (contours with
 * each optimizer's path, from `optimizerPaths()`), and the four training a 5-layer ReLU net on MNIST
 * (training-loss curves), with the learning rates of ゼロから作るDeep Learning, ch. 6.1.
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
  async run(context) {
    const p = context.params;
    const paths = optimizerPaths({ steps: p.pathSteps });
    for (const path of paths) {
      for (const [step, [x, y]] of path.points.entries()) {
        await context.record({ part: 'path', optimizer: path.name, lr: path.lr, step, x, y, f: bowl(x, y) });
      }
    }
    const { train, test } = await mnistSubsets({ train: p.train, test: p.test });
    const runs: ClassifierRun[] = [];
    for (const choice of MNIST_OPTIMIZERS) {
      const model = new Sequential(
        new Flatten(),
        mlp([784, ...p.hidden, 10], 'relu', { seed: context.seed, weightInit: init.heNormal }),
      );
      const optimizer = choice.make(model.parameters(), choice.lr);
      runs.push(
        await trainClassifier(context, {
          name: choice.name,
          model,
          optimizer,
          train,
          test,
          epochs: p.epochs,
          batchSize: p.batchSize,
          seed: context.seed,
          lossEvery: 1,
          tags: { part: 'mnist', lr: choice.lr },
        }),
      );
      optimizer.dispose();
      model.dispose();
    }
    const iterations = runs[0]?.batchLosses.length ?? 0;
    const headline = `From (−7, 2) on f(x, y) = x²/20 + y², after ${p.pathSteps} steps the distance to the minimum is ${paths.map((path) => `${path.name} ${formatNumber(distanceToMinimum(path))}`).join(', ')}; training a ${p.hidden.length + 1}-layer ReLU net on ${p.train.toLocaleString('en-US')} MNIST digits for ${iterations.toLocaleString('en-US')} iterations (batch ${p.batchSize}), the final training loss is ${runs.map((run) => `${run.name} ${formatNumber(finalLoss(run))}`).join(', ')}.`;
    const summary: Record<string, JsonValue> = {
      path_distance: Object.fromEntries(paths.map((path) => [path.name, distanceToMinimum(path)])),
      final_loss: Object.fromEntries(runs.map((run) => [run.name, finalLoss(run)])),
      test_acc: Object.fromEntries(runs.map((run) => [run.name, run.testAccuracy])),
    };
    return {
      headline,
      sections: [
        {
          title: 'Paths on f(x, y) = x²/20 + y²',
          html: pathFigures(paths),
          caption:
            'The bowl is 20 times steeper along y than along x. SGD zig-zags across the steep direction while it crawls along the flat one; Momentum overshoots and swings in; AdaGrad damps the steep direction at once; Adam combines both. The cross marks the minimum (0, 0).',
        },
        {
          title: 'MNIST training loss',
          html: `${lossFigure(runs)}${optimizersTable(
            paths,
            runs,
            MNIST_OPTIMIZERS.map((o) => o.lr),
          )}`,
          caption: `A ${[784, ...p.hidden, 10].join('-')} ReLU net with He-normal weights, the same initial weights and batches for every optimizer; learning rates as in the lecture (SGD, Momentum and AdaGrad 0.01, Adam 0.001). The curve averages windows of batch losses.`,
        },
      ],
      summary,
    };
  },
});
