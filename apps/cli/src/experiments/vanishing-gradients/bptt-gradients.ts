import { noGrad } from '@nagare/autograd';
import { Linear, LSTMCell, mseLoss, RNNCell } from '@nagare/layers';
import { add, assign, Generator, mul, sqrt, square, sum, type Tensor, tidy, zeros } from '@nagare/tensor';
import { addingProblem, type RecurrentKind } from './adding-task';

/** Options of `hiddenGradientNorms`. */
export interface BpttOptions {
  kind: RecurrentKind;
  hidden: number;
  /** Steps of the adding-problem sequences. */
  length: number;
  /** Sequences in the batch. */
  batch: number;
  /** Multiplies the recurrent weights W_hh after PyTorch's initialization (1 = as initialized). */
  recurrentGain: number;
  seed: number;
}

/**
 * Back-propagation through time, step by step: unrolls an RNN or LSTM cell over a batch of
 * adding-problem sequences, computes the MSE of a Linear read-out of the last hidden state, and
 * returns ‖∂loss/∂h_t‖ for t = 1…T, the gradient that reaches each step's hidden state. Each h_t
 * gets a zero "probe" tensor added, a leaf whose gradient is exactly ∂loss/∂h_t.
 *
 * @example
 * const norms = hiddenGradientNorms({ kind: 'rnn', hidden: 64, length: 100, batch: 32, recurrentGain: 1, seed: 0 });
 * norms[0] < norms[99]; // true: the gradient vanishes on its way back
 */
export function hiddenGradientNorms(options: BpttOptions): number[] {
  const { hidden, length, batch } = options;
  const generator = new Generator(options.seed);
  const cell =
    options.kind === 'lstm' ? new LSTMCell(2, hidden, { generator }) : new RNNCell(2, hidden, { generator });
  const head = new Linear(hidden, 1, { generator });
  noGrad(() => {
    for (const [name, weight] of cell.namedParameters()) {
      if (name === 'weight_hh') assign(weight, mul(weight, options.recurrentGain));
    }
  });
  const [x, y] = addingProblem(batch, length, options.seed + 1).getBatch(
    Array.from({ length: batch }, (_, i) => i),
  );
  const probes = Array.from({ length }, () => zeros([batch, hidden], { requiresGrad: true }));
  tidy(() => {
    const steps = x.split(length, 1).map((step) => step.reshape([batch, 2]));
    let h: Tensor | undefined;
    let c: Tensor | undefined;
    steps.forEach((input, t) => {
      if (cell instanceof LSTMCell) {
        [h, c] = cell.call(input, h && c ? [h, c] : undefined);
      } else {
        h = cell.call(input, h);
      }
      h = add(h, probes[t]);
    });
    mseLoss(head.call(h as Tensor), y).backward();
  });
  const norms = probes.map((probe) =>
    probe.grad ? tidy(() => sqrt(sum(square(probe.grad as Tensor))).dataSync()[0]) : 0,
  );
  for (const tensor of [x, y, ...probes]) tensor.dispose();
  cell.dispose();
  head.dispose();
  return norms;
}
