import { ArgumentError, type Tensor } from '@nagare/tensor';
import { lstmStep } from './cell-math';
import { RecurrentBase, type RecurrentOptions, type SequenceOptions } from './recurrent-base';

/** Options of `LSTM`. */
export interface LSTMOptions extends RecurrentOptions {
  /**
   * Project each h to this size with a learned `weight_hr_l{k}` `[projSize, hiddenSize]` (Sak et
   * al., 2014; PyTorch's `proj_size`); 0 (default) for none. Must be below hiddenSize.
   */
  projSize?: number;
  /**
   * Peephole connections (Gers & Schmidhuber, 2000; ONNX's `P`, not in PyTorch): the input and
   * forget gates also see c_(t−1), the output gate sees c_t, through `weight_peephole_l{k}`
   * `[3, hiddenSize]` (rows: input, forget, output gate). Default false.
   */
  peepholes?: boolean;
}

/** The state of an LSTM: hidden state h and cell state c. */
export type LSTMState = [h: Tensor, c: Tensor];

/**
 * A multi-layer long short-term memory (Hochreiter & Schmidhuber, 1997), as PyTorch's `nn.LSTM`:
 * i, f, o = σ(W_i·x + b_i + U·h + b_h) for each gate, g = tanh(·), c' = f⊙c + i⊙g,
 * h' = o⊙tanh(c'). Gates stacked (i, f, g, o) in `weight_ih_l{k}` `[4·hiddenSize, ·]`. Input as
 * `RNN`; optional `[h0, c0]` (each `[D·numLayers, N, ·]`, zeros by default); returns
 * `[output, [hN, cN]]` with output `[T, N, D·hiddenSize]`.
 *
 * @example
 * const lstm = new LSTM(10, 20, { numLayers: 2, seed: 0 });
 * const [output, [hN, cN]] = lstm.call(randn([5, 3, 10])); // [5, 3, 20], [2, 3, 20], [2, 3, 20]
 */
export class LSTM extends RecurrentBase<
  [input: Tensor, state?: LSTMState, options?: SequenceOptions],
  [Tensor, LSTMState]
> {
  readonly projSize: number;
  readonly peepholes: boolean;

  constructor(inputSize: number, hiddenSize: number, options: LSTMOptions = {}) {
    const projSize = options.projSize ?? 0;
    if (!Number.isInteger(projSize) || projSize < 0 || (projSize > 0 && projSize >= hiddenSize)) {
      throw new ArgumentError(
        'LSTM',
        `projSize must be 0 or an integer below hiddenSize ${hiddenSize}, got ${projSize}`,
      );
    }
    const peepholes = options.peepholes ?? false;
    super(inputSize, hiddenSize, options, {
      gates: 4,
      step: lstmStep,
      stateCount: 2,
      projSize,
      hasPeepholes: peepholes,
    });
    this.projSize = projSize;
    this.peepholes = peepholes;
  }

  forward(input: Tensor, state?: LSTMState, options?: SequenceOptions): [Tensor, LSTMState] {
    const { output, final } = this.runSequence(input, state, options);
    return [output, [final[0], final[1]]];
  }
}
