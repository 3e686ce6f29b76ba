import { Flatten, init, Sequential } from '@nagare/layers';
import { mlp } from '@nagare/layers/models';
import { Adagrad, Adam, Momentum, type Optimizer, optimizerPaths, SGD } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import { contourChart } from '../../report/contour-chart';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { PALETTE } from '../../report/svg';
import { htmlTable } from '../../report/table';
import { formatNumber, percent } from '../../util/format';
import { defineExperiment, type JsonValue } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { smoothLosses } from '../support/smooth';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';

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

const f = (x: number, y: number) => (x * x) / 20 + y * y;

// The mean of the last tenth of the batch losses: the end of the training curve without its noise.
function finalLoss(run: ClassifierRun): number {
  const tail = run.batchLosses.slice(-Math.max(1, Math.floor(run.batchLosses.length / 10)));
  return tail.reduce((sum, [, loss]) => sum + loss, 0) / tail.length;
}

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
        await context.record({ part: 'path', optimizer: path.name, lr: path.lr, step, x, y, f: f(x, y) });
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
    const distance = (path: (typeof paths)[number]) =>
      Math.hypot(...(path.points.at(-1) as [number, number]));
    const contour = (title: string, chosen: typeof paths, width = 480, height = 300) =>
      contourChart({
        title,
        f,
        xRange: [-10, 10],
        yRange: [-5, 5],
        levels: 12,
        marker: [0, 0],
        width,
        height,
        paths: chosen.map((path) => ({
          name: `${path.name} (lr ${path.lr})`,
          points: path.points,
          color: PALETTE[paths.indexOf(path)],
        })),
      });
    const iterations = runs[0]?.batchLosses.length ?? 0;
    const headline = `From (−7, 2) on f(x, y) = x²/20 + y², after ${p.pathSteps} steps the distance to the minimum is ${paths.map((path) => `${path.name} ${formatNumber(distance(path))}`).join(', ')}; training a ${p.hidden.length + 1}-layer ReLU net on ${p.train.toLocaleString('en-US')} MNIST digits for ${iterations.toLocaleString('en-US')} iterations (batch ${p.batchSize}), the final training loss is ${runs.map((run) => `${run.name} ${formatNumber(finalLoss(run))}`).join(', ')}.`;
    const lossChart = lineChart({
      title: 'MNIST training loss',
      xLabel: 'iteration',
      yLabel: 'cross-entropy loss (log scale)',
      yScale: 'log',
      hasMarkers: false,
      width: 560,
      height: 340,
      series: runs.map((run) => ({ name: run.name, points: smoothLosses(run.batchLosses, 100) })),
    });
    const table = htmlTable({
      header: [
        'optimizer',
        'lr (MNIST)',
        `distance to minimum after ${p.pathSteps} steps`,
        'final training loss',
        'test accuracy',
      ],
      rows: runs.map((run, index) => [
        run.name,
        MNIST_OPTIMIZERS[index].lr,
        distance(paths[index]),
        finalLoss(run),
        percent(run.testAccuracy),
      ]),
      highlight: { column: 3, mode: 'min' },
    });
    const summary: Record<string, JsonValue> = {
      path_distance: Object.fromEntries(paths.map((path) => [path.name, distance(path)])),
      final_loss: Object.fromEntries(runs.map((run) => [run.name, finalLoss(run)])),
      test_acc: Object.fromEntries(runs.map((run) => [run.name, run.testAccuracy])),
    };
    return {
      headline,
      sections: [
        {
          title: 'Paths on f(x, y) = x²/20 + y²',
          html: `${chartRow(paths.map((path) => contour(`${path.name} (lr ${path.lr})`, [path], 330, 220)))}${chartRow([contour('All four', paths, 680, 380)])}`,
          caption:
            'The bowl is 20 times steeper along y than along x. SGD zig-zags across the steep direction while it crawls along the flat one; Momentum overshoots and swings in; AdaGrad damps the steep direction at once; Adam combines both. The cross marks the minimum (0, 0).',
        },
        {
          title: 'MNIST training loss',
          html: `${chartRow([lossChart])}${table}`,
          caption: `A ${[784, ...p.hidden, 10].join('-')} ReLU net with He-normal weights, the same initial weights and batches for every optimizer; learning rates as in the lecture (SGD, Momentum and AdaGrad 0.01, Adam 0.001). The curve averages windows of batch losses.`,
        },
      ],
      summary,
    };
  },
});
