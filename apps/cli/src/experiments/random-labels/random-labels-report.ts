import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import type { ExperimentResult, Verdict } from '../experiment';
import type { ClassifierRun } from '../support/train-classifier';
import type { RandomLabelsParams } from './random-labels';
import { CLASSES, label, type NoiseRun } from './random-labels-steps';

/** Training accuracy counted as "fitted": every training label reproduced. */
export const FITTED = 1;

/** The first epoch whose training accuracy reaches `target`, or null. */
export function epochsToFit(run: ClassifierRun, target: number): number | null {
  return run.epochs.find((e) => e.train_acc >= target)?.epoch ?? null;
}

function curves(runs: readonly NoiseRun[]): string {
  const accuracy = { xLabel: 'epoch', formatY: percent, yDomain: [0, 1] as const };
  const series = (pick: 'train_acc' | 'test_acc') =>
    runs.map(({ fraction, run }) => ({
      name: label(fraction),
      points: run.epochs.map((e) => [e.epoch, e[pick]] as const),
    }));
  return chartRow([
    lineChart({
      ...accuracy,
      title: 'Training accuracy (on the labels trained on)',
      yLabel: 'train accuracy',
      series: series('train_acc'),
      legend: 'inside-bottom',
    }),
    lineChart({
      ...accuracy,
      title: 'Test accuracy (true labels)',
      yLabel: 'test accuracy',
      series: series('test_acc'),
    }),
  ]);
}

function finalChart(runs: readonly NoiseRun[]): string {
  const last = (run: ClassifierRun, pick: 'train_acc' | 'test_acc') =>
    run.epochs.at(-1)?.[pick] ?? Number.NaN;
  return lineChart({
    title: 'After training, by label noise',
    xLabel: 'share of random labels',
    yLabel: 'accuracy',
    formatY: percent,
    formatX: (x) => `${Math.round(x * 100)}%`,
    yDomain: [0, 1],
    series: [
      { name: 'train', points: runs.map(({ fraction, run }) => [fraction, last(run, 'train_acc')] as const) },
      { name: 'test', points: runs.map(({ fraction, run }) => [fraction, last(run, 'test_acc')] as const) },
      {
        name: 'chance (10%)',
        points: [
          [runs[0].fraction, 1 / CLASSES],
          [runs[runs.length - 1].fraction, 1 / CLASSES],
        ],
        isDashed: true,
        color: '#777',
      },
    ],
  });
}

function timeToFitChart(runs: readonly NoiseRun[], epochs: number): string {
  const fitted = runs.filter(({ run }) => epochsToFit(run, FITTED) !== null);
  return lineChart({
    title: 'Time to fit, by label noise',
    xLabel: 'share of random labels',
    yLabel: `epochs to ${percent(FITTED)} train accuracy`,
    formatX: (x) => `${Math.round(x * 100)}%`,
    yDomain: [0, epochs],
    series: [
      {
        name: 'epochs to fit',
        points: fitted.map(({ fraction, run }) => [fraction, epochsToFit(run, FITTED) ?? 0] as const),
      },
    ],
  });
}

/** What the runs show about fitting random labels, in words chosen by the numbers. */
export function fitCaption(runs: readonly NoiseRun[], epochs: number): string {
  const unfitted = runs
    .filter(({ run }) => epochsToFit(run, FITTED) === null)
    .map(({ fraction }) => label(fraction));
  const first = epochsToFit(runs[0].run, FITTED);
  const last = epochsToFit(runs[runs.length - 1].run, FITTED);
  if (unfitted.length > 0)
    return `Here ${unfitted.join(', ')} did not reach ${percent(FITTED)} training accuracy within ${epochs} epochs.`;
  return last !== null && first !== null && last > first
    ? `Here every labelling was fitted to ${percent(FITTED)}; the fully random labels took ${last} epochs against ${first} for the true ones.`
    : `Here every labelling was fitted to ${percent(FITTED)}, and the random labels were not slower to fit (${last} epochs against ${first}).`;
}

/**
 * Zhang et al.'s Figure 1 against the run: it agrees when the fully random labelling is fitted to
 * 100% training accuracy and takes more epochs to fit than the true labels.
 */
export function judgeRandomLabels(runs: readonly NoiseRun[]): Verdict {
  const first = epochsToFit(runs[0].run, FITTED);
  const last = epochsToFit(runs[runs.length - 1].run, FITTED);
  const random = runs[runs.length - 1];
  return {
    measured: `${label(random.fraction)} labels: ${percent(random.run.epochs.at(-1)?.train_acc)} training accuracy, epochs to ${percent(FITTED)}: ${runs.map(({ fraction, run }) => `${label(fraction)} ${epochsToFit(run, FITTED) ?? 'not reached'}`).join(', ')}`,
    isAgreeing: last !== null && first !== null && last > first,
    criterion: `agrees when the most random labelling reaches ${percent(FITTED)} training accuracy and needs more epochs to get there than the true labels`,
  };
}

/** Step 3: the report — curves per labelling, memorization against generalization, time to fit. */
export function reportRandomLabels(p: RandomLabelsParams, runs: readonly NoiseRun[]): ExperimentResult {
  const final = (index: number, pick: 'train_acc' | 'test_acc') => runs[index].run.epochs.at(-1)?.[pick] ?? 0;
  const last = runs.length - 1;
  const middle = runs.length > 2 ? Math.floor(last / 2) : last;
  const sizes = [784, ...p.hidden, CLASSES].join('-');
  return {
    headline:
      `A ${sizes} MLP trained on ${p.trainSamples.toLocaleString('en-US')} MNIST digits for ${p.epochs} epochs reaches ${percent(final(0, 'train_acc'))} training accuracy with the true labels (test ${percent(final(0, 'test_acc'))}), ` +
      `${percent(final(middle, 'train_acc'))} with ${label(runs[middle].fraction)} labels (test ${percent(final(middle, 'test_acc'))}) and ${percent(final(last, 'train_acc'))} with ${label(runs[last].fraction)} labels, whose test accuracy is ${percent(final(last, 'test_acc'))} (chance: 10%).`,
    sections: [
      {
        title: 'Learning curves',
        html: curves(runs),
        caption: `Training accuracy is measured in evaluation mode on the labels the net was trained on (partly or fully random); test accuracy on the true labels of unseen digits. ${fitCaption(runs, p.epochs)}`,
      },
      {
        title: 'Memorization vs generalization',
        html:
          chartRow([finalChart(runs), timeToFitChart(runs, p.epochs)]) +
          htmlTable({
            header: [
              'random labels',
              'train accuracy',
              'test accuracy',
              'epochs to 99% train accuracy',
              `epochs to ${percent(FITTED)}`,
            ],
            rows: runs.map(({ fraction, run }) => [
              label(fraction),
              run.epochs.at(-1)?.train_acc ?? null,
              run.testAccuracy,
              epochsToFit(run, 0.99),
              epochsToFit(run, FITTED),
            ]),
            formats: { 1: percent, 2: percent },
          }),
        caption:
          'The same architecture, optimizer and number of steps for every labelling; the right chart is the time to fit against the share of random labels (Zhang et al., 2017, Figure 1). Labellings never fitted within the epochs are left out of it.',
      },
    ],
    summary: {
      fractions: runs.map((r) => r.fraction),
      train_acc: runs.map((r) => r.run.epochs.at(-1)?.train_acc ?? null),
      test_acc: runs.map((r) => r.run.testAccuracy),
      epochs_to_99: runs.map((r) => epochsToFit(r.run, 0.99)),
      epochs_to_100: runs.map((r) => epochsToFit(r.run, FITTED)),
    },
    verdict: judgeRandomLabels(runs),
  };
}
