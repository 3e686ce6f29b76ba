import type { OptimizerPath } from '@nagare/optimizers';
import { formatNumber } from '../../util/format';
import type { ExperimentResult, JsonValue, Verdict } from '../experiment';
import type { ClassifierRun } from '../support/train-classifier';
import type { OptimizersParams } from './optimizers';
import { distanceToMinimum, finalLoss, lossFigure, optimizersTable, pathFigures } from './optimizers-report';
import { MNIST_OPTIMIZERS } from './optimizers-steps';

const slowest = (runs: readonly ClassifierRun[]) =>
  runs.reduce((worst, run) => (finalLoss(run) > finalLoss(worst) ? run : worst));

/** The book's Figure 6-9 against the run: it agrees when plain SGD ends with the highest training loss of the four. */
export function judgeOptimizers(runs: readonly ClassifierRun[]): Verdict {
  return {
    measured: `final training loss: ${runs.map((run) => `${run.name} ${formatNumber(finalLoss(run))}`).join(', ')}`,
    isAgreeing: slowest(runs).name === 'SGD',
    criterion: 'agrees when SGD ends with the highest final training loss of the four',
  };
}

/** Which optimizer trained slowest, in words chosen by the final losses. */
export function mnistCaption(runs: readonly ClassifierRun[]): string {
  const worst = slowest(runs);
  return worst.name === 'SGD'
    ? `Here SGD ended with the highest loss (${formatNumber(finalLoss(worst))}), as in the book.`
    : `Here ${worst.name}, not SGD, ended with the highest loss (${formatNumber(finalLoss(worst))}).`;
}

/** Which path ended nearest the minimum, in words chosen by the distances. */
export function pathCaption(paths: readonly OptimizerPath[]): string {
  const nearest = paths.reduce((best, path) =>
    distanceToMinimum(path) < distanceToMinimum(best) ? path : best,
  );
  const farthest = paths.reduce((worst, path) =>
    distanceToMinimum(path) > distanceToMinimum(worst) ? path : worst,
  );
  return `Here ${nearest.name} ended nearest the minimum (${formatNumber(distanceToMinimum(nearest))}) and ${farthest.name} farthest (${formatNumber(distanceToMinimum(farthest))}).`;
}

/** Step 3: the report — the paths over the contours, the MNIST loss curves and table. */
export function reportOptimizers(
  p: OptimizersParams,
  paths: readonly OptimizerPath[],
  runs: readonly ClassifierRun[],
): ExperimentResult {
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
        caption: `The bowl is 20 times steeper along y than along x; the cross marks the minimum (0, 0). ${pathCaption(paths)}`,
      },
      {
        title: 'MNIST training loss',
        html: `${lossFigure(runs)}${optimizersTable(
          paths,
          runs,
          MNIST_OPTIMIZERS.map((o) => o.lr),
        )}`,
        caption: `A ${[784, ...p.hidden, 10].join('-')} ReLU net with He-normal weights, the same initial weights and batches for every optimizer; learning rates as in the lecture (SGD, Momentum and AdaGrad 0.01, Adam 0.001). The curve averages windows of batch losses. ${mnistCaption(runs)}`,
      },
    ],
    summary,
    verdict: judgeOptimizers(runs),
  };
}
