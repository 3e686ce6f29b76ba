import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import type { ExperimentResult, JsonValue, Verdict } from '../experiment';
import type { ClassifierRun } from '../support/train-classifier';
import type { BatchnormParams } from './batchnorm';
import type { ScaleResult } from './batchnorm-steps';

/** A gap in final training accuracy smaller than this is read as "no difference" at a scale. */
export const HELP_MARGIN = 0.05;

const finalTrain = (run: ClassifierRun) => run.trainAccuracy;
// A run the NaN guard stopped is marked, with what its weights still predict.
const describe = (run: ClassifierRun, value: number) =>
  run.stopReason ? `diverged (${percent(value)})` : percent(value);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** The scales where BatchNorm ended at least `HELP_MARGIN` above the plain net, and where below. */
export function countHelped(results: readonly ScaleResult[]) {
  const gap = (r: ScaleResult) => finalTrain(r.normalized) - finalTrain(r.plain);
  return {
    helped: results.filter((r) => gap(r) >= HELP_MARGIN).length,
    hurt: results.filter((r) => gap(r) <= -HELP_MARGIN).length,
  };
}

/** What the curves show, in words chosen by the measured final training accuracies. */
export function batchnormCaption(results: readonly ScaleResult[]): string {
  const { helped, hurt } = countHelped(results);
  const n = results.length;
  const outcome =
    helped === 0
      ? `here BatchNorm did not help: at no scale did it end ${percent(HELP_MARGIN)} or more above the plain net`
      : helped * 2 > n
        ? `here BatchNorm ended ${percent(HELP_MARGIN)} or more above the plain net at ${helped} of ${n} scales`
        : `here BatchNorm helped at only ${helped} of ${n} scales (by ${percent(HELP_MARGIN)} or more)`;
  return `${outcome}${hurt > 0 ? `, and was that far below it at ${hurt}` : ''}.`;
}

/**
 * The book's figure against the run: it agrees when BatchNorm ends at least `HELP_MARGIN` above
 * the plain net at more than half of the scales ("learning progresses faster at almost every scale").
 */
export function judgeBatchnorm(results: readonly ScaleResult[]): Verdict {
  const { helped } = countHelped(results);
  return {
    measured: `BatchNorm ended ${percent(HELP_MARGIN)} or more above the plain net at ${helped} of ${results.length} scales`,
    isAgreeing: helped * 2 > results.length,
    criterion: `agrees when BatchNorm's final training accuracy is ${percent(HELP_MARGIN)} or more above the plain net's at more than half of the scales`,
  };
}

function scaleChart(r: ScaleResult, index: number): string {
  return lineChart({
    title: `W ~ N(0, ${r.scale}²)${r.plain.stopReason ? ', plain diverged' : ''}`,
    xLabel: 'epoch',
    yLabel: 'train accuracy',
    yDomain: [0, 1],
    width: 240,
    height: 180,
    legend: index === 0 ? 'inside' : 'none',
    formatY: (y) => percent(y),
    series: [
      { name: 'BatchNorm', points: r.normalized.epochs.map((e) => [e.epoch, e.train_acc] as const) },
      { name: 'plain', isDashed: true, points: r.plain.epochs.map((e) => [e.epoch, e.train_acc] as const) },
    ],
  });
}

function finalTable(results: readonly ScaleResult[]): string {
  return htmlTable({
    header: [
      'weight std',
      'train acc, BatchNorm',
      'train acc, plain',
      'test acc, BatchNorm',
      'test acc, plain',
    ],
    rows: results.map((r) => [
      String(r.scale),
      describe(r.normalized, finalTrain(r.normalized)),
      describe(r.plain, finalTrain(r.plain)),
      describe(r.normalized, r.normalized.testAccuracy),
      describe(r.plain, r.plain.testAccuracy),
    ]),
  });
}

/** Step 3: the report — one chart per scale, the final accuracies, the headline from the numbers. */
export function reportScales(p: BatchnormParams, results: readonly ScaleResult[]): ExperimentResult {
  const withBn = results.map((r) => finalTrain(r.normalized));
  const withoutBn = results.map((r) => finalTrain(r.plain));
  const wins = results.filter((r) => finalTrain(r.normalized) > finalTrain(r.plain)).length;
  const headline = `Training a ${p.hidden.length + 1}-layer ReLU MLP with SGD (lr ${p.lr}) for ${p.epochs} epochs on ${p.train.toLocaleString('en-US')} MNIST digits from ${p.scales.length} initial weight scales (std ${p.scales[0]} to ${p.scales.at(-1)}), BatchNorm reached a mean final training accuracy of ${percent(mean(withBn))} (lowest ${percent(Math.min(...withBn))}) vs ${percent(mean(withoutBn))} (lowest ${percent(Math.min(...withoutBn))}) without, higher at ${wins} of ${p.scales.length} scales.`;
  const summary: Record<string, JsonValue> = {
    scales: p.scales,
    train_acc_batchnorm: withBn,
    train_acc_plain: withoutBn,
    mean_train_acc: { batchnorm: mean(withBn), plain: mean(withoutBn) },
  };
  return {
    headline,
    sections: [
      {
        title: 'Training accuracy per epoch, with and without BatchNorm',
        html: chartRow(results.map(scaleChart)),
        caption: `One chart per initial weight scale (biases 0); solid: with BatchNorm, dashed: plain; the same weights and batches with and without BatchNorm (before each ReLU). Training accuracy is measured on all ${p.train.toLocaleString('en-US')} training digits after each epoch in evaluation mode. In the book, BatchNorm makes learning progress faster at almost every scale; ${batchnormCaption(results)}`,
      },
      { title: 'Final accuracies', html: finalTable(results) },
    ],
    summary,
    verdict: judgeBatchnorm(results),
  };
}
