import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { ADDING_BASELINE_MSE, addingProblem } from './adding-task';
import { hiddenGradientNorms } from './bptt-gradients';
import { DEEP_NET_LABELS, DEEP_NETS, deepNet, firstBatch, layerGradientNorms } from './layer-gradients';
import { type SequenceRun, trainSequenceModel } from './sequence-training';

/** Parameters of the vanishing-gradients experiment. */
export interface VanishingGradientsParams {
  /** Linear layers of each deep MLP. */
  layers: number;
  width: number;
  /** MNIST digits in the batch whose gradients are measured. */
  gradientBatch: number;
  /** Steps unrolled for the per-step BPTT gradients, and the RNNs' hidden size there. */
  bpttLength: number;
  bpttHidden: number;
  /** Recurrent-weight multiplier of the "exploding" RNN. */
  explodingGain: number;
  /** Steps of the adding problem the sequence models are trained on. */
  taskLength: number;
  trainSequences: number;
  testSequences: number;
  hidden: number;
  epochs: number;
  batchSize: number;
  /** Adam's learning rate for LSTM vs RNN. */
  lr: number;
  /** Epochs and SGD learning rate of the clipping comparison, and the clipping threshold. */
  clipEpochs: number;
  clipLr: number;
  clipNorm: number;
}

const exponent = (value: number) => (value > 0 ? value.toExponential(1) : '0');

// ‖∂loss/∂h_t‖ relative to the last step's, described at the first step, or, when the gradient
// underflowed to 0 in float32 on the way, at the earliest step where it still was not 0.
function bpttPhrase(norms: readonly number[]): string {
  const last = norms[norms.length - 1];
  if (norms[0] > 0) return `the gradient at step 1 is ${exponent(norms[0] / last)}× the last step's`;
  const earliest = norms.findIndex((norm) => norm > 0);
  return `the gradient shrinks to ${exponent(norms[earliest] / last)}× the last step's by step ${earliest + 1} and underflows to 0 in float32 before step 1`;
}

function layerSection(norms: Record<string, number[]>, layers: number) {
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
    caption:
      'One forward and backward pass of cross-entropy on a batch of MNIST digits. Each sigmoid layer multiplies the gradient by at most 0.25 on its way back, so it shrinks geometrically; He-initialized ReLU and residual nets keep it at one scale.',
  };
}

function bpttSection(curves: { name: string; norms: number[] }[], length: number) {
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

function clipSection(unclipped: SequenceRun, clipped: SequenceRun, clipNorm: number) {
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
    caption: `A vanilla RNN with large recurrent weights trained by SGD on the adding problem. Without clipping, a few huge gradients throw the weights far off${unclipped.stopReason ? ' and the loss becomes non-finite, which stops the run' : ''}; clipping the global norm to ${clipNorm} bounds every update.`,
  };
}

function taskSection(lstm: SequenceRun, rnn: SequenceRun, length: number) {
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

/**
 * Vanishing and exploding gradients: per-layer gradient norms of deep sigmoid, tanh, ReLU+He and
 * residual nets at initialization; per-step BPTT gradient norms of RNNs and an LSTM; an exploding
 * RNN trained with and without clipping; LSTM vs vanilla RNN on the adding problem.
 */
export const vanishingGradients = defineExperiment<VanishingGradientsParams>({
  name: 'vanishing-gradients',
  description: 'gradient norms per layer (20-layer nets) and per time step (RNN); clipping; LSTM vs RNN',
  sizes: {
    quick: {
      ...{ layers: 20, width: 100, gradientBatch: 256, bpttLength: 100, bpttHidden: 64, explodingGain: 3 },
      ...{
        taskLength: 20,
        trainSequences: 2000,
        testSequences: 500,
        hidden: 32,
        epochs: 6,
        batchSize: 50,
        lr: 0.01,
      },
      ...{ clipEpochs: 2, clipLr: 0.1, clipNorm: 1 },
    },
    default: {
      ...{ layers: 20, width: 100, gradientBatch: 256, bpttLength: 100, bpttHidden: 64, explodingGain: 3 },
      ...{
        taskLength: 40,
        trainSequences: 4000,
        testSequences: 1000,
        hidden: 32,
        epochs: 12,
        batchSize: 50,
        lr: 0.01,
      },
      ...{ clipEpochs: 3, clipLr: 0.1, clipNorm: 1 },
    },
    full: {
      ...{ layers: 20, width: 100, gradientBatch: 512, bpttLength: 200, bpttHidden: 64, explodingGain: 3 },
      ...{
        taskLength: 100,
        trainSequences: 10000,
        testSequences: 1000,
        hidden: 64,
        epochs: 20,
        batchSize: 50,
        lr: 0.01,
      },
      ...{ clipEpochs: 5, clipLr: 0.1, clipNorm: 1 },
    },
  },
  async run(context) {
    const p = context.params;
    const { train: digits } = await mnistSubsets({ train: p.gradientBatch, test: 1 });
    const batch = firstBatch(digits, p.gradientBatch);
    const layerNorms: Record<string, number[]> = {};
    for (const kind of DEEP_NETS) {
      const model = deepNet(kind, {
        layers: p.layers,
        width: p.width,
        inputs: 784,
        classes: 10,
        seed: context.seed,
      });
      layerNorms[kind] = layerGradientNorms(model, batch);
      model.dispose();
      await context.record({ run: `layers ${kind}`, gradient_norms: layerNorms[kind] });
    }
    for (const tensor of batch) tensor.dispose();

    const bptt = [
      { name: 'vanilla RNN (PyTorch init)', kind: 'rnn' as const, gain: 1 },
      { name: `vanilla RNN (W_hh × ${p.explodingGain})`, kind: 'rnn' as const, gain: p.explodingGain },
      { name: 'LSTM (PyTorch init)', kind: 'lstm' as const, gain: 1 },
    ].map(({ name, kind, gain }) => ({
      name,
      norms: hiddenGradientNorms({
        kind,
        hidden: p.bpttHidden,
        length: p.bpttLength,
        batch: 32,
        recurrentGain: gain,
        seed: context.seed,
      }),
    }));
    for (const curve of bptt)
      await context.record({ run: `bptt ${curve.name}`, gradient_norms: curve.norms });

    const train = addingProblem(p.trainSequences, p.taskLength, context.seed + 1);
    const test = addingProblem(p.testSequences, p.taskLength, context.seed + 2);
    const common = { hidden: p.hidden, train, test, batchSize: p.batchSize, seed: context.seed };
    const clipRuns: SequenceRun[] = [];
    for (const clip of [null, p.clipNorm]) {
      clipRuns.push(
        await trainSequenceModel(context, {
          ...common,
          name: clip === null ? 'exploding RNN, no clipping' : `exploding RNN, clipped at ${clip}`,
          kind: 'rnn',
          epochs: p.clipEpochs,
          optimizer: 'sgd',
          lr: p.clipLr,
          clip,
          recurrentGain: p.explodingGain,
        }),
      );
    }
    const [unclipped, clipped] = clipRuns;
    const adam = {
      ...common,
      epochs: p.epochs,
      optimizer: 'adam' as const,
      lr: p.lr,
      clip: 1,
      recurrentGain: 1,
    };
    const lstm = await trainSequenceModel(context, { ...adam, name: 'LSTM', kind: 'lstm' });
    const rnn = await trainSequenceModel(context, { ...adam, name: 'vanilla RNN', kind: 'rnn' });

    const ratio = (kind: string) => layerNorms[kind][0] / layerNorms[kind][layerNorms[kind].length - 1];
    const maxNorm = (run: SequenceRun) =>
      Math.max(...run.gradNorms.map(([, n]) => (Number.isFinite(n) ? n : 0)));
    const lstmMse = lstm.testMse.at(-1) ?? Number.NaN;
    const rnnMse = rnn.testMse.at(-1) ?? Number.NaN;
    const vanilla = bptt[0].norms;
    return {
      headline:
        `At initialization the first layer of a ${p.layers}-layer sigmoid net gets ${exponent(ratio('sigmoid'))}× the last layer's gradient (tanh ${exponent(ratio('tanh'))}×, ReLU+He ${ratio('relu-he').toFixed(2)}×, residual ${ratio('residual').toFixed(2)}×); ` +
        `back through ${p.bpttLength} steps of a vanilla RNN ${bpttPhrase(vanilla)}; ` +
        `without clipping an RNN with large recurrent weights meets gradient norms up to ${exponent(maxNorm(unclipped))} ${unclipped.stopReason ? 'and its loss overflows' : `and ends at a loss of ${exponent(unclipped.losses.at(-1)?.[1] ?? Number.NaN)}`}, clipped at ${p.clipNorm} it ends at ${(clipped.losses.at(-1)?.[1] ?? Number.NaN).toFixed(3)}; ` +
        `and on the adding problem (T = ${p.taskLength}) the LSTM reaches a test MSE of ${lstmMse.toFixed(4)} against the vanilla RNN's ${rnnMse.toFixed(4)} (predicting the mean: ${ADDING_BASELINE_MSE.toFixed(4)}).`,
      sections: [
        layerSection(layerNorms, p.layers),
        bpttSection(bptt, p.bpttLength),
        clipSection(unclipped, clipped, p.clipNorm),
        taskSection(lstm, rnn, p.taskLength),
      ],
      summary: {
        first_over_last_layer: Object.fromEntries(DEEP_NETS.map((kind) => [kind, ratio(kind)])),
        bptt_first_over_last: Object.fromEntries(
          bptt.map((c) => [c.name, c.norms[0] / c.norms[c.norms.length - 1]]),
        ),
        unclipped_max_grad_norm: maxNorm(unclipped),
        clipped_max_grad_norm: maxNorm(clipped),
        unclipped_final_loss: unclipped.losses.at(-1)?.[1] ?? null,
        clipped_final_loss: clipped.losses.at(-1)?.[1] ?? null,
        unclipped_stopped: unclipped.stopReason !== null,
        lstm_test_mse: lstmMse,
        rnn_test_mse: rnnMse,
      },
    };
  },
});
