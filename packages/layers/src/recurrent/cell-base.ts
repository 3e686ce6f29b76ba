import { DTypeError, isFloat, ShapeError, type Tensor, tidy, unsqueeze, zeros } from '@nagare/tensor';
import { uniform } from '../init/basic';
import type { ParameterOptions } from '../layers/options';
import { checkPositiveInteger } from '../layers/sizes';
import { Module } from '../module';
import { resolveGenerator } from '../random';
import { affine, type CellState, type CellStep, type CellWeights } from './cell-math';

/** Options of RNNCell, LSTMCell and GRUCell. */
export interface CellOptions extends ParameterOptions {
  /** Learn the biases b_ih and b_hh (default true). */
  bias?: boolean;
}

/**
 * The shared part of the single-step cells: parameters `weight_ih` `[gates·H, inputSize]`,
 * `weight_hh` `[gates·H, H]`, `bias_ih`, `bias_hh` `[gates·H]` (PyTorch's names), all
 * U(−1/√H, 1/√H), and one step on `[N, inputSize]` or unbatched `[inputSize]` input.
 */
export abstract class CellBase<In extends unknown[], Out> extends Module<In, Out> {
  readonly weightIh: Tensor;
  readonly weightHh: Tensor;
  readonly biasIh: Tensor | null;
  readonly biasHh: Tensor | null;
  readonly #name: string;

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
    gates: number,
    options: CellOptions,
  ) {
    super();
    this.#name = new.target.name;
    checkPositiveInteger(this.#name, 'inputSize', inputSize);
    checkPositiveInteger(this.#name, 'hiddenSize', hiddenSize);
    const generator = resolveGenerator(options);
    const dtype = options.dtype ?? 'float32';
    const bound = hiddenSize > 0 ? 1 / Math.sqrt(hiddenSize) : 0;
    const create = (name: string, shape: number[]) =>
      this.registerParameter(name, uniform(zeros(shape, { dtype }), { generator, low: -bound, high: bound }));
    this.weightIh = create('weight_ih', [gates * hiddenSize, inputSize]);
    this.weightHh = create('weight_hh', [gates * hiddenSize, hiddenSize]);
    const hasBias = options.bias ?? true;
    this.biasIh = hasBias ? create('bias_ih', [gates * hiddenSize]) : null;
    this.biasHh = hasBias ? create('bias_hh', [gates * hiddenSize]) : null;
  }

  /** One step of `step` from `state` (each `[N, H]` or `[H]`; zeros when omitted). */
  protected runStep(
    step: CellStep,
    input: Tensor,
    state: readonly Tensor[] | undefined,
    stateCount: number,
  ): CellState {
    const name = this.#name;
    if ((input.rank !== 1 && input.rank !== 2) || input.shape[input.rank - 1] !== this.inputSize) {
      throw new ShapeError(name, `expected input [N, ${this.inputSize}] or [${this.inputSize}]`, {
        input: input.shape,
      });
    }
    if (!isFloat(input.dtype))
      throw new DTypeError(name, 'input must be float32 or float64', { input: input.dtype });
    const isBatched = input.rank === 2;
    const batch = isBatched ? input.shape[0] : 1;
    const expected = isBatched ? [batch, this.hiddenSize] : [this.hiddenSize];
    state?.forEach((s, j) => {
      if (s.rank !== expected.length || s.shape.some((d, k) => d !== expected[k])) {
        const label = j === 0 ? 'hx' : 'cx';
        throw new ShapeError(name, `${label} must be [${expected.join(', ')}]`, {
          input: input.shape,
          [label]: s.shape,
        });
      }
    });
    return tidy(() => {
      const x = isBatched ? input : unsqueeze(input, 0);
      const initial = Array.from({ length: stateCount }, (_, j) => {
        const given = state?.[j];
        if (!given) return zeros([batch, this.hiddenSize], { dtype: input.dtype });
        return isBatched ? given : unsqueeze(given, 0);
      });
      const weights: CellWeights = {
        weightIh: this.weightIh,
        weightHh: this.weightHh,
        biasIh: this.biasIh,
        biasHh: this.biasHh,
      };
      const next = step(affine(x, this.weightIh, this.biasIh), initial, weights);
      return isBatched ? next : next.map((s) => s.reshape([this.hiddenSize]));
    });
  }

  override extraRepr(): string {
    return `${this.inputSize}, ${this.hiddenSize}${this.biasIh === null ? ', bias=false' : ''}`;
  }
}
