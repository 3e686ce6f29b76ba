import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import type { ExperimentResult, JsonValue, Verdict } from '../experiment';
import type { ClassifierRun } from '../support/train-classifier';
import type { OverfittingParams } from './overfitting';

/** A train-test gap of at least this much (with near-perfect training accuracy) is read as overfitting. */
export const OVERFIT_GAP = 0.15;
/** Training accuracy above which the net has fit its few samples. */
export const FIT_ACCURACY = 0.95;

const last = (run: ClassifierRun) => run.epochs.at(-1);
const gap = (run: ClassifierRun) => (last(run)?.train_acc ?? 0) - (last(run)?.test_acc ?? 0);
const points = (value: number) => `${(value * 100).toFixed(1)} points`;
const hasOverfit = (run: ClassifierRun) =>
  (last(run)?.train_acc ?? 0) >= FIT_ACCURACY && gap(run) >= OVERFIT_GAP;

/** What the plain net and the two regularizers did, in words chosen by the measured gaps. */
export function overfittingCaption(plain: ClassifierRun, regularized: readonly ClassifierRun[]): string {
  const first = hasOverfit(plain)
    ? `here the plain net overfit: ${percent(last(plain)?.train_acc)} on its training digits, a gap of ${points(gap(plain))} to the test digits`
    : `here the plain net did not overfit by this measure (training accuracy ${percent(last(plain)?.train_acc)}, gap ${points(gap(plain))})`;
  const narrowed = regularized.filter((run) => gap(run) < gap(plain));
  const second =
    narrowed.length === regularized.length
      ? 'both regularizers narrowed the gap'
      : narrowed.length === 0
        ? 'neither regularizer narrowed the gap'
        : `only ${narrowed.map((run) => run.name).join(' and ')} narrowed the gap`;
  return `${first}; ${second}.`;
}

/** The book's figures against the run: the plain net overfits and both regularizers narrow the gap. */
export function judgeOverfitting(plain: ClassifierRun, regularized: readonly ClassifierRun[]): Verdict {
  return {
    measured: `gaps (train − test): ${[plain, ...regularized].map((run) => `${run.name} ${points(gap(run))}`).join(', ')}`,
    isAgreeing: hasOverfit(plain) && regularized.every((run) => gap(run) < gap(plain)),
    criterion: `agrees when the plain net ends at ${percent(FIT_ACCURACY)} training accuracy or more with a gap of ${points(OVERFIT_GAP)} or more, and each regularized net ends with a smaller gap`,
  };
}

function accuracyChart(run: ClassifierRun): string {
  return lineChart({
    title: run.name,
    xLabel: 'epoch',
    yLabel: 'accuracy',
    yDomain: [0, 1],
    width: 310,
    height: 240,
    legend: 'inside-bottom',
    hasMarkers: false,
    formatY: (y) => percent(y),
    series: [
      { name: 'train', points: run.epochs.map((e) => [e.epoch, e.train_acc] as const) },
      { name: 'test', isDashed: true, points: run.epochs.map((e) => [e.epoch, e.test_acc] as const) },
    ],
  });
}

/** Step 3: the report — the curves of each arm, the final table and the headline from the numbers. */
export function reportOverfitting(p: OverfittingParams, runs: readonly ClassifierRun[]): ExperimentResult {
  const [plain, ...regularized] = runs;
  const describeRun = (run: ClassifierRun) =>
    `${run.name}: ${percent(last(run)?.train_acc)} train vs ${percent(last(run)?.test_acc)} test (gap ${points(gap(run))})`;
  const table = htmlTable({
    header: ['setting', 'train accuracy', 'test accuracy', 'gap (points)', 'best test accuracy'],
    rows: runs.map((run) => [
      run.name,
      percent(last(run)?.train_acc),
      percent(last(run)?.test_acc),
      Number((gap(run) * 100).toFixed(1)),
      percent(Math.max(...run.epochs.map((e) => e.test_acc))),
    ]),
    highlight: { column: 3, mode: 'min' },
  });
  const summary: Record<string, JsonValue> = Object.fromEntries(
    runs.map((run, index) => [
      ['plain', 'weight_decay', 'dropout'][index],
      { train_acc: last(run)?.train_acc ?? null, test_acc: last(run)?.test_acc ?? null, gap: gap(run) },
    ]),
  );
  return {
    headline: `Trained on only ${p.train} MNIST digits for ${p.epochs} epochs (a ${p.hidden.length + 1}-layer ReLU net, SGD lr ${p.lr}), ${runs.map(describeRun).join('; ')}.`,
    sections: [
      {
        title: 'Train and test accuracy per epoch',
        html: chartRow(runs.map(accuracyChart)),
        caption: `Training accuracy is measured on the ${p.train} training digits in evaluation mode (no dropout), test accuracy on ${p.test.toLocaleString('en-US')} test digits; the gap between the curves measures overfitting. ${overfittingCaption(plain, regularized)}`,
      },
      { title: 'After the last epoch', html: table },
    ],
    summary,
    verdict: judgeOverfitting(plain, regularized),
  };
}
