import type { ExperimentContext } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { addingProblem } from './adding-task';
import { hiddenGradientNorms } from './bptt-gradients';
import { DEEP_NETS, deepNet, firstBatch, layerGradientNorms } from './layer-gradients';
import { type SequenceRun, trainSequenceModel } from './sequence-training';
import type { VanishingGradientsParams } from './vanishing-gradients';

type Context = ExperimentContext<VanishingGradientsParams>;

/** Step 1: ‖∂loss/∂W‖ of every layer of each deep net at initialization, on one batch of digits. */
export async function measureLayerGradients(context: Context): Promise<Record<string, number[]>> {
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
  return layerNorms;
}

/** Step 2: ‖∂loss/∂h_t‖ at every step back through time, for two vanilla RNNs and an LSTM. */
export async function measureBpttGradients(context: Context): Promise<{ name: string; norms: number[] }[]> {
  const p = context.params;
  const curves = [
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
  for (const curve of curves)
    await context.record({ run: `bptt ${curve.name}`, gradient_norms: curve.norms });
  return curves;
}

/** The adding problem's train and test sequences, shared by the trainings below. */
export function addingTask(p: VanishingGradientsParams, seed: number) {
  return {
    train: addingProblem(p.trainSequences, p.taskLength, seed + 1),
    test: addingProblem(p.testSequences, p.taskLength, seed + 2),
  };
}

/** Step 3: the RNN with large recurrent weights trained by SGD, without and with gradient clipping. */
export async function trainWithAndWithoutClipping(
  context: Context,
  task: ReturnType<typeof addingTask>,
): Promise<[SequenceRun, SequenceRun]> {
  const p = context.params;
  const common = { hidden: p.hidden, ...task, batchSize: p.batchSize, seed: context.seed };
  const runs: SequenceRun[] = [];
  for (const clip of [null, p.clipNorm]) {
    runs.push(
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
  return [runs[0], runs[1]];
}

/** Step 4: an LSTM against a vanilla RNN on the adding problem (Adam, clipping at 1). */
export async function trainLstmAndRnn(
  context: Context,
  task: ReturnType<typeof addingTask>,
): Promise<{ lstm: SequenceRun; rnn: SequenceRun }> {
  const p = context.params;
  const adam = {
    hidden: p.hidden,
    ...task,
    batchSize: p.batchSize,
    seed: context.seed,
    epochs: p.epochs,
    optimizer: 'adam' as const,
    lr: p.lr,
    clip: 1,
    recurrentGain: 1,
  };
  const lstm = await trainSequenceModel(context, { ...adam, name: 'LSTM', kind: 'lstm' });
  const rnn = await trainSequenceModel(context, { ...adam, name: 'vanilla RNN', kind: 'rnn' });
  return { lstm, rnn };
}
