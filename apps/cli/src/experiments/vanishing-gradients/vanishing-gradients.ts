import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { ADDING_BASELINE_MSE, addingProblem } from './adding-task';
import { hiddenGradientNorms } from './bptt-gradients';
import { DEEP_NETS, deepNet, firstBatch, layerGradientNorms } from './layer-gradients';
import { bpttPhrase, bpttSection, clipSection, exponent, layerSection, taskSection } from './sections';
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
