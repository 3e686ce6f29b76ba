// The report sections of the vanishing-gradients experiment.
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { ADDING_BASELINE_MSE } from './adding-task';
import { DEEP_NET_LABELS, DEEP_NETS } from './layer-gradients';
import type { SequenceRun } from './sequence-training';

/** A positive number as 1.2e-5, and 0 as 0. */
export const exponent = (value: number) => (value > 0 ? value.toExponential(1) : '0');

// ‖∂loss/∂h_t‖ relative to the last step's, described at the first step, or, when the gradient
// underflowed to 0 in float32 on the way, at the earliest step where it still was not 0.
export function bpttPhrase(norms: readonly number[]): string {
  const last = norms[norms.length - 1];
  if (norms[0] > 0) return `the gradient at step 1 is ${exponent(norms[0] / last)}× the last step's`;
  const earliest = norms.findIndex((norm) => norm > 0);
  return `the gradient shrinks to ${exponent(norms[earliest] / last)}× the last step's by step ${earliest + 1} and underflows to 0 in float32 before step 1`;
}

/** Per-layer gradient norms of the deep nets: a log-scale chart and a first/last table. */
export function layerSection(norms: Record<string, number[]>, layers: number) {
  const series = DEEP_NETS.map((kind) => ({
    name: DEEP_NET_LABELS[kind],
    points: norms[kind].map((norm, index) => [index + 1, norm] as const),
  }));
  const rows = DEEP_NETS.map((kind) => {
    const values = norms[kind];
    return [
      DEEP_NET_LABELS[kind],
      values[0],
      values[values.length - 1],
      values[0] / values[values.length - 1],
    ];
  });
  return {
    title: `Gradient norm per layer at initialization (${layers} layers)`,
    html:
      lineChart({
        title: '‖∂loss/∂W‖ per layer (input layer = 1)',
        xLabel: 'layer',
        yLabel: 'gradient norm',
        yScale: 'log',
        formatY: exponent,
        series,
        legend: 'right',
      }) +
      htmlTable({
        header: ['net', 'first layer', 'last layer', 'first / last'],
        rows,
        formats: { 1: exponent, 2: exponent, 3: exponent },
      }),
    caption: `One forward and backward pass of cross-entropy on a batch of MNIST digits. Each sigmoid layer multiplies the gradient by at most 0.25 on its way back. ${layerCaption(norms)}`,
  };
}

/** A first/last-layer gradient ratio this small reads as "vanished". */
export const VANISHED = 1e-2;
const firstOverLast = (values: readonly number[]) => values[0] / values[values.length - 1];

/** What the measured per-layer norms show, in words chosen by the ratios. */
export function layerCaption(norms: Record<string, number[]>): string {
  const sigmoid = firstOverLast(norms.sigmoid);
  const sigmoidPart =
    sigmoid < VANISHED
      ? `Here the sigmoid net's first layer got ${exponent(sigmoid)}× the last layer's gradient: it vanished`
      : `Here the sigmoid net's first layer still got ${exponent(sigmoid)}× the last layer's gradient: it did not vanish`;
  const level = ['relu-he', 'residual'].filter((kind) => {
    const ratio = firstOverLast(norms[kind]);
    return ratio > 0.1 && ratio < 10;
  });
  const levelPart =
    level.length === 2
      ? 'He-initialized ReLU and residual nets kept it within a factor of 10 across the layers'
      : level.length === 1
        ? `only the ${DEEP_NET_LABELS[level[0] as keyof typeof DEEP_NET_LABELS]} net kept it within a factor of 10 across the layers`
        : 'neither the He-initialized ReLU nor the residual net kept it within a factor of 10';
  return `${sigmoidPart}; ${levelPart}.`;
}

/** ‖∂loss/∂h_t‖ per time step for each recurrent model. */
export function bpttSection(curves: { name: string; norms: number[] }[], length: number) {
  const ratios = curves
    .map((c) => `${c.name}: ${exponent(c.norms[0] / c.norms[c.norms.length - 1])}×`)
    .join('; ');
  return {
    title: `Gradient norm per time step (back-propagation through ${length} steps)`,
    html: lineChart({
      title: '‖∂loss/∂h_t‖: the loss is measured at the last step',
      xLabel: 'time step t',
      yLabel: 'gradient norm',
      yScale: 'log',
      formatY: exponent,
      series: curves.map((c) => ({ name: c.name, points: c.norms.map((n, t) => [t + 1, n] as const) })),
      hasMarkers: false,
      legend: 'right',
    }),
    caption: `Reading from right to left is going back in time. With PyTorch's initialization every step back multiplies the gradient by about the same factor below 1, so it vanishes (in float32 it can underflow to 0, where a curve stops); with 3× larger recurrent weights it no longer shrinks. Gradient at step 1 relative to the last step: ${ratios}.`,
  };
}

/** Gradient norm and loss per training step of the exploding RNN, with and without clipping. */
export function clipSection(unclipped: SequenceRun, clipped: SequenceRun, clipNorm: number) {
  const norms = (run: SequenceRun) => run.gradNorms.filter(([, n]) => Number.isFinite(n));
  const losses = (run: SequenceRun) => run.losses.filter(([, l]) => Number.isFinite(l));
  return {
    title: 'Exploding gradients, with and without clipping',
    html: chartRow([
      lineChart({
        title: 'Global gradient norm per step (before clipping)',
        xLabel: 'training step',
        yLabel: 'gradient norm',
        yScale: 'log',
        formatY: exponent,
        series: [
          { name: 'no clipping', points: norms(unclipped) },
          { name: `clipped at ${clipNorm}`, points: norms(clipped), isDashed: true },
        ],
        hasMarkers: false,
      }),
      lineChart({
        title: 'Training loss per step',
        xLabel: 'training step',
        yLabel: 'MSE',
        yScale: 'log',
        series: [
          { name: 'no clipping', points: losses(unclipped) },
          { name: `clipped at ${clipNorm}`, points: losses(clipped), isDashed: true },
        ],
        hasMarkers: false,
      }),
    ]),
    caption: `A vanilla RNN with large recurrent weights trained by SGD on the adding problem; clipping the global norm to ${clipNorm} bounds every update. ${clipCaption(unclipped, clipped)}`,
  };
}

/** Test MSE per epoch of the LSTM and the vanilla RNN on the adding problem. */
export function taskSection(lstm: SequenceRun, rnn: SequenceRun, length: number) {
  const curve = (run: SequenceRun) => run.testMse.map((mse, index) => [index + 1, mse] as const);
  const epochs = Math.max(lstm.testMse.length, rnn.testMse.length);
  return {
    title: `LSTM vs vanilla RNN on the adding problem (T = ${length})`,
    html: lineChart({
      title: 'Test MSE per epoch',
      xLabel: 'epoch',
      yLabel: 'test MSE',
      yScale: 'log',
      series: [
        { name: 'LSTM', points: curve(lstm) },
        { name: 'vanilla RNN', points: curve(rnn) },
        {
          name: 'predict the mean (1/6)',
          points: [
            [1, ADDING_BASELINE_MSE],
            [epochs, ADDING_BASELINE_MSE],
          ],
          isDashed: true,
          color: '#777',
        },
      ],
      legend: 'right',
    }),
    caption: `Each sequence has ${length} steps; two are marked and the target is the sum of their values, so the first mark's value must be carried across up to ${length} steps. Both models have the same hidden size and optimizer (Adam, gradient norm clipped at 1).`,
  };
}

/** Whether clipping helped, in words chosen by the final losses. */
export function clipCaption(unclipped: SequenceRun, clipped: SequenceRun): string {
  const last = (run: SequenceRun) => run.losses.at(-1)?.[1] ?? Number.NaN;
  if (unclipped.stopReason)
    return 'Here the unclipped loss became non-finite, which stopped that run; the clipped one trained on.';
  return last(clipped) < last(unclipped)
    ? `Here clipping ended at a lower loss (${exponent(last(clipped))} against ${exponent(last(unclipped))}).`
    : `Here clipping did not end at a lower loss (${exponent(last(clipped))} against ${exponent(last(unclipped))}).`;
}
