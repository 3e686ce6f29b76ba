import {
  ArgumentError,
  concat,
  DTypeError,
  type Generator,
  isFloat,
  ShapeError,
  stack,
  type Tensor,
  tensor,
  tidy,
  transpose,
  unsqueeze,
  zeros,
} from '@nagare/tensor';
import { uniform } from '../init/basic';
import { applyDropoutMask, checkProbability } from '../layers/dropout';
import type { ParameterOptions } from '../layers/options';
import { checkPositiveInteger } from '../layers/sizes';
import { Module } from '../module';
import { resolveGenerator } from '../random';
import type { CellStep, CellWeights } from './cell-math';
import { runDirection } from './sequence';

/** Options of RNN, LSTM and GRU, with PyTorch's names and defaults. */
export interface RecurrentOptions extends ParameterOptions {
  /** Stacked layers, each reading the previous one's outputs (default 1). */
  numLayers?: number;
  /** Learn the biases b_ih and b_hh (default true). */
  bias?: boolean;
  /** Input and output are `[N, T, ·]` instead of `[T, N, ·]` (default false; states stay `[D·L, N, ·]`). */
  batchFirst?: boolean;
  /** Dropout probability on the outputs of every layer but the last, in training (default 0). */
  dropout?: number;
  /** Add a layer running backwards in time; outputs concatenate both directions (default false). */
  bidirectional?: boolean;
}

/** Options of a forward pass over a batch of sequences. */
export interface SequenceOptions {
  /**
   * Valid length of each sequence of the batch (`[N]` numbers or an int tensor), for padded
   * batches: outputs past a sequence's length are zero and its final state is the one at its last
   * valid step (in both directions), as PyTorch's packed sequences.
   */
  lengths?: readonly number[] | Tensor;
}

/** What distinguishes the three recurrent layers. */
export interface CellSpec {
  /** Gate blocks in W_ih and W_hh: 1 (RNN), 4 (LSTM), 3 (GRU). */
  gates: number;
  step: CellStep;
  /** Tensors in the state: 1 (h) or 2 (h, c). */
  stateCount: number;
  /** Size of the projected hidden state (LSTM), 0 for none. */
  projSize: number;
  /** Learn peephole weights (LSTM). */
  hasPeepholes: boolean;
}

/** The result of `runSequence`: the outputs and the final states, each `[D·L, N, ·]`. */
export interface SequenceResult {
  output: Tensor;
  final: Tensor[];
}

/**
 * The shared machinery of RNN, LSTM and GRU: parameters named as PyTorch's (`weight_ih_l0`,
 * `weight_hh_l0`, `bias_ih_l0`, `bias_hh_l0`, `…_reverse` for the backward direction), all
 * initialized U(−1/√H, 1/√H), and the loop over layers, directions and time steps.
 */
export abstract class RecurrentBase<In extends unknown[], Out> extends Module<In, Out> {
  readonly numLayers: number;
  readonly hasBias: boolean;
  readonly batchFirst: boolean;
  readonly dropout: number;
  readonly bidirectional: boolean;
  /** The size of h: `projSize` when projecting, else `hiddenSize`. */
  readonly outputSize: number;
  readonly #spec: CellSpec;
  readonly #cells: CellWeights[][] = [];
  /** The random stream of this layer (public so checkpoints can save and restore it). */
  readonly generator: Generator;
  readonly #name: string;

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
    options: RecurrentOptions,
    spec: CellSpec,
  ) {
    super();
    const name = new.target.name;
    this.#name = name;
    checkPositiveInteger(name, 'inputSize', inputSize);
    checkPositiveInteger(name, 'hiddenSize', hiddenSize);
    this.numLayers = options.numLayers ?? 1;
    checkPositiveInteger(name, 'numLayers', this.numLayers);
    this.dropout = options.dropout ?? 0;
    checkProbability(name, this.dropout);
    this.hasBias = options.bias ?? true;
    this.batchFirst = options.batchFirst ?? false;
    this.bidirectional = options.bidirectional ?? false;
    this.#spec = spec;
    this.outputSize = spec.projSize > 0 ? spec.projSize : hiddenSize;
    this.generator = resolveGenerator(options);
    this.#createParameters(options);
  }

  /** Number of directions D: 2 when bidirectional, else 1. */
  get numDirections(): number {
    return this.bidirectional ? 2 : 1;
  }

  #createParameters(options: RecurrentOptions): void {
    const { gates, projSize, hasPeepholes } = this.#spec;
    const hidden = this.hiddenSize;
    const dtype = options.dtype ?? 'float32';
    // PyTorch draws every weight and bias of a recurrent layer from U(−1/√H, 1/√H).
    const bound = hidden > 0 ? 1 / Math.sqrt(hidden) : 0;
    const create = (name: string, shape: number[]) =>
      this.registerParameter(
        name,
        uniform(zeros(shape, { dtype }), { generator: this.generator, low: -bound, high: bound }),
      );
    for (let layer = 0; layer < this.numLayers; layer++) {
      const layerInput = layer === 0 ? this.inputSize : this.outputSize * this.numDirections;
      const directions: CellWeights[] = [];
      for (let direction = 0; direction < this.numDirections; direction++) {
        const suffix = `_l${layer}${direction === 1 ? '_reverse' : ''}`;
        const cell: CellWeights = {
          weightIh: create(`weight_ih${suffix}`, [gates * hidden, layerInput]),
          weightHh: create(`weight_hh${suffix}`, [gates * hidden, this.outputSize]),
          biasIh: this.hasBias ? create(`bias_ih${suffix}`, [gates * hidden]) : null,
          biasHh: this.hasBias ? create(`bias_hh${suffix}`, [gates * hidden]) : null,
        };
        if (projSize > 0) cell.weightHr = create(`weight_hr${suffix}`, [projSize, hidden]);
        if (hasPeepholes) cell.peephole = create(`weight_peephole${suffix}`, [3, hidden]);
        directions.push(cell);
      }
      this.#cells.push(directions);
    }
  }

  /** The size of each state tensor: h (output size), then c (hidden size) for an LSTM. */
  #stateSizes(): number[] {
    return this.#spec.stateCount === 2 ? [this.outputSize, this.hiddenSize] : [this.outputSize];
  }

  /**
   * Runs every layer and direction over `input` (`[T, N, inputSize]`, `[N, T, inputSize]` when
   * batch-first, or unbatched `[T, inputSize]`) from `initial` (each `[D·L, N, ·]`, or `[D·L, ·]`
   * unbatched; zeros when omitted). Output `[T, N, D·outputSize]` (batch-first and unbatched forms
   * as the input).
   */
  protected runSequence(
    input: Tensor,
    initial: readonly Tensor[] | undefined,
    options: SequenceOptions = {},
  ): SequenceResult {
    const name = this.#name;
    if ((input.rank !== 2 && input.rank !== 3) || input.shape[input.rank - 1] !== this.inputSize) {
      const expected = this.batchFirst ? 'N, T' : 'T, N';
      throw new ShapeError(
        name,
        `expected input [${expected}, ${this.inputSize}] or [T, ${this.inputSize}]`,
        {
          input: input.shape,
        },
      );
    }
    if (!isFloat(input.dtype))
      throw new DTypeError(name, 'input must be float32 or float64', { input: input.dtype });
    const isBatched = input.rank === 3;
    return tidy(() => {
      // Work time-major [T, N, ·] inside; convert at the boundaries.
      let x = isBatched ? (this.batchFirst ? transpose(input, [1, 0, 2]) : input) : unsqueeze(input, 1);
      const [steps, batch] = x.shape;
      const states = this.#initialStates(initial, batch, isBatched, input.dtype);
      const lengths = this.#lengths(options.lengths, steps, batch);
      const finals: Tensor[][] = this.#stateSizes().map(() => []);
      for (let layer = 0; layer < this.numLayers; layer++) {
        const outputs: Tensor[] = [];
        for (let direction = 0; direction < this.numDirections; direction++) {
          const index = layer * this.numDirections + direction;
          const { outputs: perStep, final } = runDirection(
            x,
            states.map((s) => s[index]),
            {
              step: this.#spec.step,
              weights: this.#cells[layer][direction],
              isReverse: direction === 1,
              lengths,
            },
          );
          outputs.push(stack(perStep, 0));
          for (const [j, s] of final.entries()) finals[j].push(s);
        }
        x = outputs.length === 1 ? outputs[0] : concat(outputs, -1);
        if (this.training && this.dropout > 0 && layer < this.numLayers - 1) {
          x = applyDropoutMask(x, this.dropout, x.shape, this.generator);
        }
      }
      const output = isBatched ? (this.batchFirst ? transpose(x, [1, 0, 2]) : x) : x.reshape([steps, -1]);
      const final = finals.map((list) => {
        const s = stack(list, 0);
        return isBatched ? s : s.reshape([s.shape[0], -1]);
      });
      return { output, final };
    });
  }

  /** Each initial state as a list of `[N, ·]` tensors, one per layer and direction. */
  #initialStates(
    initial: readonly Tensor[] | undefined,
    batch: number,
    isBatched: boolean,
    dtype: Tensor['dtype'],
  ): Tensor[][] {
    const count = this.numLayers * this.numDirections;
    return this.#stateSizes().map((size, j) => {
      const given = initial?.[j];
      if (!given) return new Array(count).fill(0).map(() => zeros([batch, size], { dtype }));
      const expected = isBatched ? [count, batch, size] : [count, size];
      if (given.rank !== expected.length || given.shape.some((d, k) => d !== expected[k])) {
        const label = j === 0 ? 'h0' : 'c0';
        throw new ShapeError(this.#name, `${label} must be [${expected.join(', ')}]`, {
          [label]: given.shape,
        });
      }
      const batched = isBatched ? given : unsqueeze(given, 1);
      return batched.split(count, 0).map((s) => s.reshape([batch, size]));
    });
  }

  /** The lengths as an int32 `[N]` tensor, or null when every sequence is full. */
  #lengths(lengths: SequenceOptions['lengths'], steps: number, batch: number): Tensor | null {
    if (lengths === undefined) return null;
    if (!Array.isArray(lengths) && (lengths as Tensor).storage.backend.readsAsyncOnly) {
      // Checking the values needs a host read: where reads are asynchronous only (WebGPU) only the
      // shape is checked, and the lengths are used on the backend as given.
      const given = lengths as Tensor;
      if (given.rank !== 1 || given.shape[0] !== batch)
        throw new ShapeError(this.#name, `lengths must be [${batch}]`, { lengths: given.shape });
      return given.cast('int32');
    }
    const values = Array.from(Array.isArray(lengths) ? lengths : (lengths as Tensor).dataSync(), Number);
    if (values.length !== batch || values.some((n) => !Number.isInteger(n) || n < 0 || n > steps)) {
      throw new ArgumentError(
        this.#name,
        `lengths must hold ${batch} integers in [0, ${steps}], got [${values.join(', ')}]`,
      );
    }
    if (values.every((n) => n === steps)) return null;
    return tensor(values, { dtype: 'int32' });
  }

  override extraRepr(): string {
    const parts = [`${this.inputSize}`, `${this.hiddenSize}`];
    if (this.numLayers !== 1) parts.push(`numLayers=${this.numLayers}`);
    if (!this.hasBias) parts.push('bias=false');
    if (this.batchFirst) parts.push('batchFirst=true');
    if (this.dropout > 0) parts.push(`dropout=${this.dropout}`);
    if (this.bidirectional) parts.push('bidirectional=true');
    if (this.#spec.projSize > 0) parts.push(`projSize=${this.#spec.projSize}`);
    if (this.#spec.hasPeepholes) parts.push('peepholes=true');
    return parts.join(', ');
  }
}
