import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { PALETTE } from '../../report/svg';
import { htmlTable } from '../../report/table';
import { formatNumber, percent } from '../../util/format';
import { smoothLosses } from '../support/smooth';
import type { ClassifierRun } from '../support/train-classifier';
import { type ActivationMoments, NET_KINDS, type NetKind } from './deep-nets';

/** One trained net of the comparison with its activation moments before and after training. */
export interface NetResult {
  kind: NetKind;
  depth: number;
  run: ClassifierRun;
  atInit: ActivationMoments[];
  trained: ActivationMoments[];
}

/** "min to max" of `values`. */
export const span = (values: readonly number[]) =>
  `${formatNumber(Math.min(...values))} to ${formatNumber(Math.max(...values))}`;

const worstMean = (moments: readonly ActivationMoments[]) =>
  Math.max(...moments.map((m) => Math.abs(m.mean)));

/** The one-sentence result: accuracies per depth, and the SNN's moments against plain ReLU's. */
export function seluHeadline(
  results: readonly NetResult[],
  p: { lr: number; epochs: number; train: number; depths: number[] },
): string {
  const find = (kind: NetKind, depth: number) => results.find((r) => r.kind === kind && r.depth === depth);
  const accuracies = (kind: NetKind) =>
    p.depths.map((d) => percent(find(kind, d)?.run.testAccuracy)).join(' / ');
  const deepest = Math.max(...p.depths);
  const snn = find('SNN', deepest);
  const relu = find('ReLU', deepest);
  const of = (result: NetResult | undefined, stage: 'atInit' | 'trained', key: keyof ActivationMoments) =>
    span((result?.[stage] ?? []).map((m) => m[key]));
  return `Trained with SGD (lr ${p.lr}, ${p.epochs} epochs on ${p.train.toLocaleString('en-US')} MNIST digits), test accuracy at depth ${p.depths.join(' / ')} was SNN ${accuracies('SNN')}, ReLU+BN ${accuracies('ReLU+BN')}, plain ReLU ${accuracies('ReLU')}; in the ${deepest}-layer SNN every hidden layer's activations had mean within ±${formatNumber(worstMean(snn?.atInit ?? []))} and variance ${of(snn, 'atInit', 'variance')} at initialization (${of(snn, 'trained', 'variance')} after training), against mean ${of(relu, 'atInit', 'mean')} and variance ${of(relu, 'atInit', 'variance')} for plain ReLU.`;
}

/** Accuracy and the range of each moment over the hidden layers, per net. */
export function resultsTable(results: readonly NetResult[]): string {
  return htmlTable({
    header: [
      'net',
      'depth',
      'test accuracy',
      'mean, at init',
      'variance, at init',
      'mean, trained',
      'variance, trained',
    ],
    rows: results.map((r) => [
      r.kind,
      r.depth,
      percent(r.run.testAccuracy),
      span(r.atInit.map((m) => m.mean)),
      span(r.atInit.map((m) => m.variance)),
      span(r.trained.map((m) => m.mean)),
      span(r.trained.map((m) => m.variance)),
    ]),
  });
}

/** Test accuracy per epoch, one chart per depth. */
export function accuracyCharts(results: readonly NetResult[], depths: readonly number[]): string {
  return chartRow(
    depths.map((depth) =>
      lineChart({
        title: `Depth ${depth}: test accuracy per epoch`,
        xLabel: 'epoch',
        yLabel: 'test accuracy',
        width: 330,
        height: 240,
        legend: 'inside-bottom',
        formatY: (y) => percent(y),
        series: results
          .filter((r) => r.depth === depth)
          .map((r) => ({
            name: r.kind,
            color: PALETTE[NET_KINDS.indexOf(r.kind)],
            points: r.run.epochs.map((e) => [e.epoch, e.test_acc] as const),
          })),
      }),
    ),
  );
}

/** Mean and variance per hidden layer at one depth: one color per net, dashed at initialization. */
export function momentCharts(results: readonly NetResult[], depth: number): string {
  const mine = results.filter((r) => r.depth === depth);
  const chart = (key: keyof ActivationMoments, label: string, reference: number) =>
    lineChart({
      title: `Depth ${depth}: ${label} of each hidden layer's activations`,
      xLabel: 'hidden layer',
      yLabel: label,
      width: 440,
      height: 280,
      legend: 'right',
      series: [
        ...mine.flatMap((r) => {
          const color = PALETTE[NET_KINDS.indexOf(r.kind)];
          const points = (moments: ActivationMoments[]) => moments.map((m, i) => [i + 1, m[key]] as const);
          return [
            { name: `${r.kind}, trained`, color, points: points(r.trained) },
            { name: `${r.kind}, at init`, color, isDashed: true, points: points(r.atInit) },
          ];
        }),
        {
          name: `${label} ${reference}`,
          color: '#999',
          isDashed: true,
          points: [[1, reference] as const, [depth - 1, reference] as const],
        },
      ],
    });
  return chartRow([chart('mean', 'mean', 0), chart('variance', 'variance', 1)]);
}

/** Training loss over the steps, one chart per depth (log scale): the paper's figure of stability. */
export function lossCharts(results: readonly NetResult[], depths: readonly number[]): string {
  return chartRow(
    depths.map((depth) =>
      lineChart({
        title: `Depth ${depth}: training loss`,
        xLabel: 'step',
        yLabel: 'training loss',
        yScale: 'log',
        width: 330,
        height: 240,
        legend: 'inside',
        series: results
          .filter((r) => r.depth === depth)
          .map((r) => ({
            name: r.kind,
            color: PALETTE[NET_KINDS.indexOf(r.kind)],
            points: smoothLosses(r.run.batchLosses, 60),
          })),
      }),
    ),
  );
}
