import { noGrad } from '@nagare/autograd';
import { argmax, tensor, tidy } from '@nagare/tensor';
import { confusionChart } from '../report/confusion-chart';
import { decisionBoundaryChart } from '../report/decision-boundary-chart';
import { percent } from '../util/format';
import type { PlotContext, ReportPlot } from './recipe';

/** The test set's confusion matrix, with the most confused pair of classes in the caption. */
export const confusionPlot: ReportPlot = ({ confusion, classes }: PlotContext) => {
  if (!confusion) return { title: 'Confusion matrix', html: '<p>No test evaluation.</p>' };
  let worst = { count: 0, actual: 0, predicted: 0 };
  for (const [actual, row] of confusion.entries()) {
    for (const [predicted, count] of row.entries()) {
      if (actual !== predicted && count > worst.count) worst = { count, actual, predicted };
    }
  }
  const total = confusion.flat().reduce((a, b) => a + b, 0);
  const correct = confusion.reduce((sum, row, i) => sum + row[i], 0);
  const caption =
    worst.count > 0
      ? `${percent(correct / total)} of ${total} test samples correct; the most frequent mistake is ${classes[worst.actual]} read as ${classes[worst.predicted]} (${worst.count} times).`
      : `All ${total} test samples correct.`;
  return { title: 'Confusion matrix (test set)', html: confusionChart(confusion, classes), caption };
};

const GRID = 64;
const EXTENT = 1.25;

/** For 2-D inputs: the regions the model assigns to each class, with the test points on top. */
export const decisionBoundaryPlot: ReportPlot = ({ model, test }: PlotContext) => {
  const coordinates = new Float32Array(GRID * GRID * 2);
  for (let row = 0; row < GRID; row++) {
    for (let column = 0; column < GRID; column++) {
      const offset = 2 * (row * GRID + column);
      coordinates[offset] = -EXTENT + ((column + 0.5) / GRID) * 2 * EXTENT;
      coordinates[offset + 1] = EXTENT - ((row + 0.5) / GRID) * 2 * EXTENT;
    }
  }
  model.eval();
  const predicted = noGrad(() =>
    tidy(() => argmax(model.call(tensor(coordinates, { shape: [GRID * GRID, 2] })), 1).dataSync()),
  );
  const grid = Array.from({ length: GRID }, (_, row) =>
    Array.from(predicted.subarray(row * GRID, (row + 1) * GRID), Number),
  );
  const points = Array.from({ length: Math.min(test.length, 600) }, (_, index) => {
    const [x, y] = test.get(index);
    const [px, py] = x.dataSync();
    const label = y.dataSync()[0];
    x.dispose();
    y.dispose();
    return { x: px, y: py, label };
  });
  return {
    title: 'Decision regions',
    html: decisionBoundaryChart({ min: -EXTENT, max: EXTENT, grid, points }),
    caption:
      'Shaded: the class the trained network predicts at each point of the plane. Dots: test samples, colored by their true class.',
  };
};
