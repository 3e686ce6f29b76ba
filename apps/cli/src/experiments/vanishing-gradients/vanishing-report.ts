import type { ExperimentResult, Verdict } from '../experiment';
import { ADDING_BASELINE_MSE } from './adding-task';
import { DEEP_NETS } from './layer-gradients';
import {
  bpttPhrase,
  bpttSection,
  clipSection,
  exponent,
  layerSection,
  taskSection,
  VANISHED,
} from './sections';
import type { SequenceRun } from './sequence-training';
import type { VanishingGradientsParams } from './vanishing-gradients';

/** Everything the experiment measured. */
export interface VanishingMeasurements {
  layerNorms: Record<string, number[]>;
  bptt: { name: string; norms: number[] }[];
  unclipped: SequenceRun;
  clipped: SequenceRun;
  lstm: SequenceRun;
  rnn: SequenceRun;
}

/** The LSTM "solves" the adding problem when its test MSE is this fraction of predicting the mean or less. */
export const SOLVED_FRACTION = 0.1;

/**
 * The sources against the run: it agrees when the deep sigmoid net's gradient vanishes (first/last
 * layer below `VANISHED`) and the LSTM solves the adding problem (test MSE at most `SOLVED_FRACTION`
 * of the baseline) better than the vanilla RNN.
 */
export function judgeVanishing(
  sigmoidRatio: number,
  lstmMse: number,
  rnnMse: number,
  taskLength: number,
): Verdict {
  return {
    measured: `sigmoid first/last layer gradient ${exponent(sigmoidRatio)}×; adding problem (T = ${taskLength}) test MSE: LSTM ${lstmMse.toFixed(4)}, vanilla RNN ${rnnMse.toFixed(4)} (mean: ${ADDING_BASELINE_MSE.toFixed(4)})`,
    isAgreeing:
      sigmoidRatio < VANISHED && lstmMse <= SOLVED_FRACTION * ADDING_BASELINE_MSE && lstmMse < rnnMse,
    criterion: `agrees when the sigmoid net's first layer gets below ${exponent(VANISHED)}× the last layer's gradient and the LSTM's test MSE is at most ${SOLVED_FRACTION * 100}% of predicting the mean and below the vanilla RNN's`,
  };
}

/** Step 5: the report — one section per measurement, the headline from the numbers. */
export function reportVanishing(p: VanishingGradientsParams, m: VanishingMeasurements): ExperimentResult {
  const { layerNorms, bptt, unclipped, clipped, lstm, rnn } = m;
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
    verdict: judgeVanishing(ratio('sigmoid'), lstmMse, rnnMse, p.taskLength),
  };
}
