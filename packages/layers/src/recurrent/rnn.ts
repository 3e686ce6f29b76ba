import { ArgumentError, type Tensor } from '@nagare/tensor';
import { type RnnNonlinearity, rnnStep } from './cell-math';
import { RecurrentBase, type RecurrentOptions, type SequenceOptions } from './recurrent-base';

/** Options of `RNN`. */
export interface RNNOptions extends RecurrentOptions {
  /** `'tanh'` (default) or `'relu'`. */
  nonlinearity?: RnnNonlinearity;
}

/** Throws unless `nonlinearity` is one a plain RNN supports. */
export function checkNonlinearity(op: string, nonlinearity: string): RnnNonlinearity {
  if (nonlinearity !== 'tanh' && nonlinearity !== 'relu')
    throw new ArgumentError(op, `nonlinearity must be 'tanh' or 'relu', got "${nonlinearity}"`);
  return nonlinearity;
}

/**
 * A multi-layer Elman RNN, as PyTorch's `nn.RNN`: h_t = act(x_t·W_ihᵀ + b_ih + h_(t−1)·W_hhᵀ + b_hh)
 * with act tanh or ReLU. Input `[T, N, inputSize]` (`[N, T, ·]` with `batchFirst`, or unbatched
 * `[T, inputSize]`), optional h0 `[D·numLayers, N, hiddenSize]` (zeros by default); returns
 * `[output, hN]`: output `[T, N, D·hiddenSize]` (every step's h of the last layer) and hN
 * `[D·numLayers, N, hiddenSize]` (the last h of every layer and direction). Gradients through time
 * come from autograd. Parameters `weight_ih_l{k}`, `weight_hh_l{k}`, `bias_ih_l{k}`, `bias_hh_l{k}`
 * (`…_reverse` for the backward direction), all U(−1/√hiddenSize, 1/√hiddenSize).
 *
 * @example
 * const rnn = new RNN(10, 20, { numLayers: 2, seed: 0 });
 * const [output, hN] = rnn.call(randn([5, 3, 10])); // [5, 3, 20], [2, 3, 20]
 */
export class RNN extends RecurrentBase<
  [input: Tensor, h0?: Tensor, options?: SequenceOptions],
  [Tensor, Tensor]
> {
  readonly nonlinearity: RnnNonlinearity;

  constructor(inputSize: number, hiddenSize: number, options: RNNOptions = {}) {
    const nonlinearity = checkNonlinearity('RNN', options.nonlinearity ?? 'tanh');
    super(inputSize, hiddenSize, options, {
      gates: 1,
      step: rnnStep(nonlinearity),
      stateCount: 1,
      projSize: 0,
      hasPeepholes: false,
    });
    this.nonlinearity = nonlinearity;
  }

  forward(input: Tensor, h0?: Tensor, options?: SequenceOptions): [Tensor, Tensor] {
    const { output, final } = this.runSequence(input, h0 ? [h0] : undefined, options);
    return [output, final[0]];
  }

  override extraRepr(): string {
    const base = super.extraRepr();
    return this.nonlinearity === 'tanh' ? base : `${base}, nonlinearity=${this.nonlinearity}`;
  }
}
