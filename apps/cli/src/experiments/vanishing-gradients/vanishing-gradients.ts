import { defineExperiment } from '../experiment';
import { reportVanishing } from './vanishing-report';
import {
  addingTask,
  measureBpttGradients,
  measureLayerGradients,
  trainLstmAndRnn,
  trainWithAndWithoutClipping,
} from './vanishing-steps';

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
 * RNN trained with and without clipping; LSTM vs vanilla RNN on the adding problem. Method: (1) layer
 * gradients, (2) BPTT gradients, (3) clipping, (4) LSTM vs RNN, (5) report.
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
  source: {
    citation:
      'Hochreiter & Schmidhuber, Long Short-Term Memory (1997), the adding problem; Glorot & Bengio (2010) and Pascanu et al. (2013) on vanishing and exploding gradients',
    setting:
      'gradient norms per layer of 20-layer nets and per time step of RNNs at initialization; clipping an exploding RNN; LSTM against a vanilla RNN on the adding problem with sequences of T = 100 steps',
    figure:
      'gradients vanish through deep sigmoid nets and back through time in vanilla RNNs; the LSTM solves the adding problem where the vanilla RNN does not',
  },
  async run(context) {
    const layerNorms = await measureLayerGradients(context);
    const bptt = await measureBpttGradients(context);
    const task = addingTask(context.params, context.seed);
    const [unclipped, clipped] = await trainWithAndWithoutClipping(context, task);
    const { lstm, rnn } = await trainLstmAndRnn(context, task);
    return reportVanishing(context.params, { layerNorms, bptt, unclipped, clipped, lstm, rnn });
  },
});
