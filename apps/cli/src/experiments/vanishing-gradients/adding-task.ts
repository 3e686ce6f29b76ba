import { TensorDataset } from '@nagare/data';
import { Linear, LSTM, Module, RNN } from '@nagare/layers';
import { ArgumentError, Generator, type Tensor } from '@nagare/tensor';

/**
 * The adding problem (Hochreiter & Schmidhuber, 1997): `count` sequences of `length` steps, each
 * step a pair (value ~ U(0, 1), marker); exactly two steps are marked, one in each half, and the
 * target is the sum of the two marked values. Inputs float32 `[count, length, 2]` (batch first),
 * targets `[count, 1]`. Predicting the mean, 1, scores an MSE of 1/6: a model must carry a value
 * across up to `length` steps to do better.
 *
 * @example
 * const train = addingProblem(5000, 50, 1); // x: [5000, 50, 2], y: [5000, 1]
 */
export function addingProblem(count: number, length: number, seed: number): TensorDataset {
  if (!Number.isInteger(length) || length < 2) {
    throw new ArgumentError('addingProblem', `length must be an integer ≥ 2, got ${length}`);
  }
  const generator = new Generator(seed);
  const x = new Float32Array(count * length * 2);
  const y = new Float32Array(count);
  const half = Math.floor(length / 2);
  for (let sample = 0; sample < count; sample++) {
    const first = generator.nextInt(half);
    const second = half + generator.nextInt(length - half);
    for (let step = 0; step < length; step++) {
      const offset = (sample * length + step) * 2;
      const value = generator.nextFloat();
      x[offset] = value;
      if (step === first || step === second) {
        x[offset + 1] = 1;
        y[sample] += value;
      }
    }
  }
  return TensorDataset.fromColumns([
    { values: x, shape: [count, length, 2], dtype: 'float32' },
    { values: y, shape: [count, 1], dtype: 'float32' },
  ]);
}

/** Features per step of the adding problem: the value and the marker. */
export const ADDING_INPUTS = 2;

/** MSE of always predicting the targets' mean (1) on the adding problem: Var(U + U) = 1/6. */
export const ADDING_BASELINE_MSE = 1 / 6;

/** Which recurrent layer a `SequenceRegressor` uses. */
export type RecurrentKind = 'rnn' | 'lstm';

/**
 * A recurrent layer (vanilla tanh RNN or LSTM) over a batch-first sequence `[N, T, inputs]`, and a
 * Linear read-out of its last hidden state: `[N, T, inputs]` → `[N, 1]`.
 *
 * @example
 * const model = new SequenceRegressor('lstm', 2, 32, 0);
 * model.call(addingProblem(4, 10, 0).getBatch([0, 1])[0]).shape; // [2, 1]
 */
export class SequenceRegressor extends Module<[Tensor], Tensor> {
  readonly recurrent: RNN | LSTM;
  readonly head: Linear;

  constructor(
    readonly kind: RecurrentKind,
    inputs: number,
    hidden: number,
    seed: number,
  ) {
    super();
    const generator = new Generator(seed);
    const options = { batchFirst: true, generator };
    this.recurrent = this.registerModule(
      'recurrent',
      kind === 'lstm' ? new LSTM(inputs, hidden, options) : new RNN(inputs, hidden, options),
    );
    this.head = this.registerModule('head', new Linear(hidden, 1, { generator }));
  }

  forward(x: Tensor): Tensor {
    // hN is [layers, N, H]; with one layer its only entry is the last step's hidden state.
    const hidden =
      this.recurrent instanceof LSTM ? this.recurrent.call(x)[1][0] : (this.recurrent as RNN).call(x)[1];
    return this.head.call(hidden.reshape([hidden.shape[1], hidden.shape[2]]));
  }
}
