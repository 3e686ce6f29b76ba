import type { OptimizerPath } from '@nagare/optimizers';
import { contourChart } from '../../report/contour-chart';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { PALETTE } from '../../report/svg';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import { smoothLosses } from '../support/smooth';
import type { ClassifierRun } from '../support/train-classifier';

/** The lecture's bowl: 20 times steeper along y than along x, minimum at (0, 0). */
export const bowl = (x: number, y: number) => (x * x) / 20 + y * y;

/** How far a path ended from the minimum (0, 0). */
export const distanceToMinimum = (path: OptimizerPath) => Math.hypot(...(path.points.at(-1) ?? [0, 0]));

/** The mean of the last tenth of the batch losses: the end of the training curve without its noise. */
export function finalLoss(run: ClassifierRun): number {
  const tail = run.batchLosses.slice(-Math.max(1, Math.floor(run.batchLosses.length / 10)));
  return tail.reduce((sum, [, loss]) => sum + loss, 0) / tail.length;
}

function contour(
  title: string,
  paths: readonly OptimizerPath[],
  all: readonly OptimizerPath[],
  size: [number, number],
) {
  return contourChart({
    title,
    f: bowl,
    xRange: [-10, 10],
    yRange: [-5, 5],
    levels: 12,
    marker: [0, 0],
    width: size[0],
    height: size[1],
    paths: paths.map((path) => ({
      name: `${path.name} (lr ${path.lr})`,
      points: path.points,
      color: PALETTE[all.indexOf(path)],
    })),
  });
}

/** One contour chart per optimizer (the lecture's 2 × 2 figure), then all four paths together. */
export function pathFigures(paths: readonly OptimizerPath[]): string {
  const panels = paths.map((path) => contour(`${path.name} (lr ${path.lr})`, [path], paths, [330, 220]));
  return `${chartRow(panels)}${chartRow([contour('All four', paths, paths, [680, 380])])}`;
}

/** The four MNIST training-loss curves (windows of batches averaged, log scale). */
export function lossFigure(runs: readonly ClassifierRun[]): string {
  return chartRow([
    lineChart({
      title: 'MNIST training loss',
      xLabel: 'iteration',
      yLabel: 'cross-entropy loss (log scale)',
      yScale: 'log',
      hasMarkers: false,
      width: 560,
      height: 340,
      series: runs.map((run) => ({ name: run.name, points: smoothLosses(run.batchLosses, 100) })),
    }),
  ]);
}

/** Per optimizer: its MNIST lr, the path's end distance, the final loss and the test accuracy. */
export function optimizersTable(
  paths: readonly OptimizerPath[],
  runs: readonly ClassifierRun[],
  learningRates: readonly number[],
): string {
  return htmlTable({
    header: [
      'optimizer',
      'lr (MNIST)',
      `distance to minimum after ${(paths[0]?.points.length ?? 1) - 1} steps`,
      'final training loss',
      'test accuracy',
    ],
    rows: runs.map((run, index) => [
      run.name,
      String(learningRates[index]),
      distanceToMinimum(paths[index]),
      finalLoss(run),
      percent(run.testAccuracy),
    ]),
    highlight: { column: 3, mode: 'min' },
  });
}
