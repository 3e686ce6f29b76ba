import type { Tensor } from '@nagare/tensor';
import { CellBase, type CellOptions } from './cell-base';
import { gruStep, lstmStep, type RnnNonlinearity, rnnStep } from './cell-math';
import type { LSTMState } from './lstm';
import { checkNonlinearity } from './rnn';

/** Options of `RNNCell`. */
export interface RNNCellOptions extends CellOptions {
  /** `'tanh'` (default) or `'relu'`. */
  nonlinearity?: RnnNonlinearity;
}

/**
 * One step of an Elman RNN, as PyTorch's `nn.RNNCell`: h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh).
 * Input `[N, inputSize]` (or `[inputSize]`), h `[N, hiddenSize]` (zeros when omitted) → h'.
 *
 * @example
 * const cell = new RNNCell(4, 8, { seed: 0 });
 * let h = cell.call(randn([2, 4]));   // [2, 8]
 * h = cell.call(randn([2, 4]), h);    // the next step
 */
export class RNNCell extends CellBase<[input: Tensor, hx?: Tensor], Tensor> {
  readonly nonlinearity: RnnNonlinearity;
  readonly #step;

  constructor(inputSize: number, hiddenSize: number, options: RNNCellOptions = {}) {
    super(inputSize, hiddenSize, 1, options);
    this.nonlinearity = checkNonlinearity('RNNCell', options.nonlinearity ?? 'tanh');
    this.#step = rnnStep(this.nonlinearity);
  }

  forward(input: Tensor, hx?: Tensor): Tensor {
    return this.runStep(this.#step, input, hx ? [hx] : undefined, 1)[0];
  }

  override extraRepr(): string {
    const base = super.extraRepr();
    return this.nonlinearity === 'tanh' ? base : `${base}, nonlinearity=${this.nonlinearity}`;
  }
}

/**
 * One step of an LSTM, as PyTorch's `nn.LSTMCell` (gates i, f, g, o; see `LSTM`). Input
 * `[N, inputSize]` (or `[inputSize]`), state `[h, c]` each `[N, hiddenSize]` (zeros when omitted)
 * → `[h', c']`.
 *
 * @example
 * const cell = new LSTMCell(4, 8, { seed: 0 });
 * const [h, c] = cell.call(randn([2, 4]));       // [2, 8], [2, 8]
 * const next = cell.call(randn([2, 4]), [h, c]);
 */
export class LSTMCell extends CellBase<[input: Tensor, state?: LSTMState], LSTMState> {
  constructor(inputSize: number, hiddenSize: number, options: CellOptions = {}) {
    super(inputSize, hiddenSize, 4, options);
  }

  forward(input: Tensor, state?: LSTMState): LSTMState {
    const [h, c] = this.runStep(lstmStep, input, state, 2);
    return [h, c];
  }
}

/** Options of `GRUCell`. */
export interface GRUCellOptions extends CellOptions {
  /** Reset gate after the hidden product (default true, PyTorch's form); see `GRUOptions`. */
  resetAfter?: boolean;
}

/**
 * One step of a GRU, as PyTorch's `nn.GRUCell` (gates r, z, n; see `GRU`). Input `[N, inputSize]`
 * (or `[inputSize]`), h `[N, hiddenSize]` (zeros when omitted) → h'.
 *
 * @example
 * const cell = new GRUCell(4, 8, { seed: 0 });
 * const h = cell.call(randn([2, 4])); // [2, 8]
 */
export class GRUCell extends CellBase<[input: Tensor, hx?: Tensor], Tensor> {
  readonly resetAfter: boolean;
  readonly #step;

  constructor(inputSize: number, hiddenSize: number, options: GRUCellOptions = {}) {
    super(inputSize, hiddenSize, 3, options);
    this.resetAfter = options.resetAfter ?? true;
    this.#step = gruStep(this.resetAfter);
  }

  forward(input: Tensor, hx?: Tensor): Tensor {
    return this.runStep(this.#step, input, hx ? [hx] : undefined, 1)[0];
  }

  override extraRepr(): string {
    const base = super.extraRepr();
    return this.resetAfter ? base : `${base}, resetAfter=false`;
  }
}
