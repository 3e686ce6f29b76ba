import type { Tensor } from '@nagare/tensor';
import { gruStep } from './cell-math';
import { RecurrentBase, type RecurrentOptions, type SequenceOptions } from './recurrent-base';

/** Options of `GRU`. */
export interface GRUOptions extends RecurrentOptions {
  /**
   * Apply the reset gate after the hidden product, r⊙(h·W_hnᵀ + b_hn) (default true: PyTorch's and
   * cuDNN's GRU), or before it, (r⊙h)·W_hnᵀ + b_hn (false: Cho et al.'s original, ONNX's default).
   */
  resetAfter?: boolean;
}

/**
 * A multi-layer gated recurrent unit (Cho et al., 2014), as PyTorch's `nn.GRU`:
 * r = σ(W_ir·x + b_ir + W_hr·h + b_hr), z = σ(W_iz·x + b_iz + W_hz·h + b_hz),
 * n = tanh(W_in·x + b_in + r⊙(W_hn·h + b_hn)), h' = (1 − z)⊙n + z⊙h. Gates stacked (r, z, n) in
 * `weight_ih_l{k}` `[3·hiddenSize, ·]`. Shapes, options and return value as `RNN`:
 * `[output, hN]`.
 *
 * @example
 * const gru = new GRU(8, 16, { batchFirst: true, seed: 0 });
 * const [output, hN] = gru.call(randn([4, 12, 8])); // [4, 12, 16], [1, 4, 16]
 */
export class GRU extends RecurrentBase<
  [input: Tensor, h0?: Tensor, options?: SequenceOptions],
  [Tensor, Tensor]
> {
  readonly resetAfter: boolean;

  constructor(inputSize: number, hiddenSize: number, options: GRUOptions = {}) {
    const resetAfter = options.resetAfter ?? true;
    super(inputSize, hiddenSize, options, {
      gates: 3,
      step: gruStep(resetAfter),
      stateCount: 1,
      projSize: 0,
      hasPeepholes: false,
    });
    this.resetAfter = resetAfter;
  }

  forward(input: Tensor, h0?: Tensor, options?: SequenceOptions): [Tensor, Tensor] {
    const { output, final } = this.runSequence(input, h0 ? [h0] : undefined, options);
    return [output, final[0]];
  }

  override extraRepr(): string {
    const base = super.extraRepr();
    return this.resetAfter ? base : `${base}, resetAfter=false`;
  }
}
