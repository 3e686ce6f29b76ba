import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { PALETTE } from '../../report/svg';
import { htmlTable } from '../../report/table';
import { formatNumber, percent } from '../../util/format';
import type { ExperimentResult, Verdict } from '../experiment';
import type { ClassifierRun } from '../support/train-classifier';
import type { DepthWidthParams } from './depth-width';
import type { DepthResult } from './depth-width-steps';

/** How far below the best plain net the deepest one must end to show He et al.'s degradation. */
export const DEGRADATION = 0.05;
/** How close to the best plain net the deepest residual net must end to count as "fixed". */
export const RESIDUAL_TOLERANCE = 0.02;

const finalLoss = (run: ClassifierRun) => run.epochs.at(-1)?.train_loss ?? Number.NaN;
const bestPlain = (results: readonly DepthResult[]) =>
  results.reduce((best, r) => (r.plain.testAccuracy > best.plain.testAccuracy ? r : best));

/**
 * He et al.'s degradation against the run: it agrees when the deepest plain net ends at least
 * `DEGRADATION` below the best plain net and its residual twin within `RESIDUAL_TOLERANCE` of it.
 */
export function judgeDepth(results: readonly DepthResult[]): Verdict {
  const best = bestPlain(results);
  const deepest = results[results.length - 1];
  return {
    measured: `plain: best ${percent(best.plain.testAccuracy)} (depth ${best.depth}), ${percent(deepest.plain.testAccuracy)} at depth ${deepest.depth}; residual at depth ${deepest.depth}: ${percent(deepest.residual.testAccuracy)}`,
    isAgreeing:
      best.plain.testAccuracy - deepest.plain.testAccuracy >= DEGRADATION &&
      deepest.residual.testAccuracy >= best.plain.testAccuracy - RESIDUAL_TOLERANCE,
    criterion: `agrees when the deepest plain net ends ${percent(DEGRADATION)} or more below the best plain net and its residual twin within ${percent(RESIDUAL_TOLERANCE)} of that best`,
  };
}

/** What the training losses show, in words chosen by the numbers. */
export function lossCaption(results: readonly DepthResult[]): string {
  const shallowest = results[0];
  const deepest = results[results.length - 1];
  const [deep, shallow, residual] = [
    finalLoss(deepest.plain),
    finalLoss(shallowest.plain),
    finalLoss(deepest.residual),
  ];
  const plainPart = !(deep <= 2 * shallow)
    ? `Here the ${deepest.depth}-layer plain net ended at a training loss of ${formatNumber(deep)} against ${formatNumber(shallow)} at depth ${shallowest.depth}: its problem is optimization, not overfitting`
    : `Here the ${deepest.depth}-layer plain net reduced its training loss about as far as the ${shallowest.depth}-layer one (${formatNumber(deep)} against ${formatNumber(shallow)})`;
  const residualPart =
    residual <= 2 * shallow
      ? `; its residual twin reached ${formatNumber(residual)}.`
      : `; its residual twin did not either (${formatNumber(residual)}).`;
  return plainPart + residualPart;
}

function charts(results: readonly DepthResult[]): string {
  const byDepth = (pick: (r: DepthResult) => ClassifierRun) =>
    results.map((r) => [Math.log2(r.depth), pick(r).testAccuracy] as const);
  const byWidth = (pick: (r: DepthResult) => ClassifierRun) =>
    results.map((r) => [r.width, pick(r).testAccuracy] as const);
  const accuracy = {
    yLabel: 'test accuracy',
    formatY: percent,
    yDomain: [0, 1] as const,
    legend: 'inside-bottom' as const,
  };
  return chartRow([
    lineChart({
      ...accuracy,
      title: 'Test accuracy vs depth (fixed budget)',
      xLabel: 'hidden layers',
      // Depths double, so the axis is log2(depth) labelled with the depth itself.
      formatX: (x) => String(2 ** x),
      series: [
        { name: 'plain', points: byDepth((r) => r.plain) },
        { name: 'residual', points: byDepth((r) => r.residual), isDashed: true },
      ],
    }),
    lineChart({
      ...accuracy,
      title: 'Test accuracy vs width (fixed budget)',
      xLabel: 'units per hidden layer',
      series: [
        { name: 'plain', points: byWidth((r) => r.plain) },
        { name: 'residual', points: byWidth((r) => r.residual), isDashed: true },
      ],
    }),
  ]);
}

function lossCurves(results: readonly DepthResult[]): string {
  const curve = (run: ClassifierRun) => run.epochs.map((e) => [e.epoch, e.train_loss] as const);
  return lineChart({
    title: 'Training loss per epoch',
    xLabel: 'epoch',
    yLabel: 'cross-entropy loss',
    yScale: 'log',
    series: results.flatMap((r, index) => [
      { name: `plain, depth ${r.depth}`, points: curve(r.plain), color: PALETTE[index % PALETTE.length] },
      {
        name: `residual, depth ${r.depth}`,
        points: curve(r.residual),
        color: PALETTE[index % PALETTE.length],
        isDashed: true,
      },
    ]),
    legend: 'right',
  });
}

function table(results: readonly DepthResult[]): string {
  return htmlTable({
    header: [
      'hidden layers',
      'width',
      'parameters',
      'plain: test acc',
      'residual: test acc',
      'plain: train loss',
      'residual: train loss',
    ],
    rows: results.map((r) => [
      r.depth,
      r.width,
      r.parameters,
      r.plain.testAccuracy,
      r.residual.testAccuracy,
      r.plain.epochs.at(-1)?.train_loss ?? null,
      r.residual.epochs.at(-1)?.train_loss ?? null,
    ]),
    formats: { 3: percent, 4: percent },
  });
}

/** Step 3: the report — accuracy against depth and width, the training losses and the table. */
export function reportDepthWidth(p: DepthWidthParams, results: readonly DepthResult[]): ExperimentResult {
  const shallowest = results[0];
  const deepest = results.at(-1) ?? shallowest;
  const best = bestPlain(results);
  return {
    headline:
      `With a budget of ${p.budget.toLocaleString('en-US')} parameters on ${p.trainSamples.toLocaleString('en-US')} MNIST digits (${p.epochs} epochs of SGD), ` +
      `plain ReLU nets reach ${percent(best.plain.testAccuracy)} test accuracy at depth ${best.depth} and ${percent(deepest.plain.testAccuracy)} at depth ${deepest.depth}, ` +
      `residual nets ${percent(deepest.residual.testAccuracy)} at depth ${deepest.depth} (${percent(shallowest.residual.testAccuracy)} at depth ${shallowest.depth}).`,
    sections: [
      {
        title: 'Accuracy at a fixed parameter budget',
        html: charts(results),
        caption: `Every net has about ${p.budget.toLocaleString('en-US')} parameters: the deeper it is, the narrower its layers. Plain and residual nets of one depth have exactly the same layers and parameters; the residual one adds identity shortcuts.`,
      },
      { title: 'Training loss', html: lossCurves(results), caption: lossCaption(results) },
      { title: 'All nets', html: table(results) },
    ],
    summary: {
      depths: results.map((r) => r.depth),
      widths: results.map((r) => r.width),
      plain_test_acc: results.map((r) => r.plain.testAccuracy),
      residual_test_acc: results.map((r) => r.residual.testAccuracy),
    },
    verdict: judgeDepth(results),
  };
}
