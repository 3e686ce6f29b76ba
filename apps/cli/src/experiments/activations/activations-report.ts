import { barChart } from '../../report/bar-chart';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import { smoothLosses } from '../support/smooth';
import type { ClassifierRun } from '../support/train-classifier';
import { ACTIVATION_LABELS, type ActivationChoice } from './activation-mlp';

/** One activation's training run and its model's size. */
export interface ActivationRun {
  activation: ActivationChoice;
  run: ClassifierRun;
  parameters: number;
}

const label = (activation: ActivationChoice) => ACTIVATION_LABELS[activation];

/** The first epoch whose test accuracy reached `target`, or null. */
export function epochsToTarget(run: ClassifierRun, target: number): number | null {
  return run.epochs.find((epoch) => epoch.test_acc >= target)?.epoch ?? null;
}

/** Runs by final test accuracy, best first. */
export function rankRuns(runs: readonly ActivationRun[]): ActivationRun[] {
  return [...runs].sort((a, b) => b.run.testAccuracy - a.run.testAccuracy);
}

/** The comparison table: parameters, test accuracy, best epoch, epochs to `target`, final loss. */
export function activationsTable(runs: readonly ActivationRun[], target: number, epochs: number): string {
  return htmlTable({
    header: [
      'activation',
      'parameters',
      'test accuracy',
      'best epoch',
      `epochs to ${percent(target)}`,
      'final train loss',
    ],
    rows: runs.map(({ activation, run, parameters }) => {
      const best = run.epochs.reduce((a, b) => (b.test_acc > a.test_acc ? b : a), run.epochs[0]);
      return [
        label(activation),
        parameters,
        run.testAccuracy,
        best ? `${best.epoch} (${percent(best.test_acc)})` : null,
        epochsToTarget(run, target) ?? `not within ${epochs}`,
        run.epochs.at(-1)?.train_loss ?? null,
      ];
    }),
    highlight: { column: 2, mode: 'max' },
    formats: { 2: (value) => percent(value) },
  });
}

/** Every activation's training loss on one chart (log scale, windows of batches averaged). */
export function lossCurves(runs: readonly ActivationRun[]): string {
  return lineChart({
    title: 'Training loss (mean over windows of batches)',
    xLabel: 'iteration (batch)',
    yLabel: 'cross-entropy loss (log scale)',
    yScale: 'log',
    hasMarkers: false,
    width: 620,
    height: 360,
    series: runs.map(({ activation, run }) => ({
      name: label(activation),
      points: smoothLosses(run.batchLosses, 60),
    })),
  });
}

/** Test accuracy per epoch of every activation, and the final accuracies as ranked bars. */
export function accuracyCharts(runs: readonly ActivationRun[]): string[] {
  const ranked = rankRuns(runs);
  const lowest = Math.min(...ranked.map(({ run }) => run.testAccuracy));
  return [
    lineChart({
      title: 'Test accuracy per epoch',
      xLabel: 'epoch',
      yLabel: 'test accuracy',
      formatY: (y) => percent(y),
      width: 620,
      height: 320,
      series: runs.map(({ activation, run }) => ({
        name: label(activation),
        points: run.epochs.map((e) => [e.epoch, e.test_acc] as const),
      })),
    }),
    barChart({
      title: 'Final test accuracy',
      yLabel: 'test accuracy',
      categories: ranked.map(({ activation }) => activation),
      series: [{ name: 'test accuracy', values: ranked.map(({ run }) => run.testAccuracy) }],
      yDomain: [Math.max(0, Math.floor(lowest * 10) / 10), 1],
      formatY: (y) => `${(y * 100).toFixed(1)}`,
      width: 620,
    }),
  ];
}
