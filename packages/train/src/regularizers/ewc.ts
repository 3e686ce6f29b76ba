import {
  ArgumentError,
  add,
  assign,
  clone,
  cumsum,
  div,
  Generator,
  keep,
  le,
  minimum,
  mul,
  ShapeError,
  shapesEqual,
  softmax,
  square,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
  zerosLike,
} from '@nagare/tensor';
import { toLoader } from '../data-source';
import { saveModes } from '../evaluate';
import { unpackBatch } from '../train-step';
import type { DataSource, LossFunction, Model, Regularizer } from '../types';

/** Options of `fisherDiagonal`. */
export interface FisherOptions {
  /** The per-sample negative log-likelihood, e.g. `crossEntropy` (logits and class indices). */
  loss: LossFunction;
  /** How many samples to average over (drawn without replacement). Default: all, at most 1000. */
  samples?: number;
  /**
   * `'true'` (default): gradients of the data's labels (the empirical Fisher). `'sampled'`: labels
   * drawn from the model's own softmax, as the Fisher information is defined (Kirkpatrick et al.).
   */
  labels?: 'true' | 'sampled';
  /** Seeds the choice of samples and the sampled labels. Default 0. */
  seed?: number;
}

/** `count` distinct indices of [0, n), in a seeded random order (a partial Fisher–Yates shuffle). */
function chooseIndices(n: number, count: number, generator: Generator): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + generator.nextInt(n - i);
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices.slice(0, count);
}

/** A class index drawn from softmax(logits) of one sample's `[1, C]` logits, as an int32 `[1]` tensor. */
function sampledLabel(output: Tensor, generator: Generator): Tensor {
  if (output.rank !== 2 || output.shape[0] !== 1)
    throw new ShapeError('fisherDiagonal', "labels: 'sampled' needs logits of shape [1, C] per sample", {
      output: output.shape,
    });
  if (output.storage.backend.readsAsyncOnly) {
    // Where reads are asynchronous only (WebGPU): the same draw, the class chosen on the backend as
    // the number of cumulative probabilities ≤ u (the first class whose running sum passes u).
    const u = generator.nextFloat();
    const classes = output.shape[1];
    return tidy(() =>
      minimum(sum(le(cumsum(softmax(output.detach(), -1), -1), u).cast('int32')), classes - 1).reshape([1]),
    );
  }
  const probabilities = tidy(() => softmax(output.detach(), -1)).dataSync();
  let u = generator.nextFloat();
  let label = probabilities.length - 1;
  for (let c = 0; c < probabilities.length; c++) {
    u -= probabilities[c];
    if (u < 0) {
      label = c;
      break;
    }
  }
  return tensor([label], { dtype: 'int32' });
}

/**
 * The diagonal of the Fisher information of the model's parameters, estimated on `data`:
 * F = mean over samples of (∂ log p(y|x) / ∂θ)², one backward pass per sample. Returns one tensor
 * per parameter name, each of the parameter's shape (owned by the caller). Runs in evaluation mode;
 * the parameters' gradients are cleared.
 *
 * @example
 * const fisher = fisherDiagonal(model, taskA, { loss: crossEntropy, samples: 200 });
 * fisher['0.weight'].shape; // the shape of that weight
 */
export function fisherDiagonal(
  model: Model,
  data: DataSource,
  options: FisherOptions,
): Record<string, Tensor> {
  if (typeof options?.loss !== 'function')
    throw new ArgumentError('fisherDiagonal', 'options.loss must be a loss function');
  const labels = options.labels ?? 'true';
  if (labels !== 'true' && labels !== 'sampled')
    throw new ArgumentError('fisherDiagonal', `labels must be 'true' or 'sampled', got ${String(labels)}`);
  const loader = toLoader('fisherDiagonal', 'data', data, { batchSize: 1, shuffle: false });
  const available = loader.dataset.length;
  const count = options.samples ?? Math.min(available, 1000);
  if (!Number.isInteger(count) || count < 1 || count > available)
    throw new ArgumentError(
      'fisherDiagonal',
      `samples must be an integer in [1, ${available}], got ${count}`,
    );
  const generator = new Generator(options.seed ?? 0);
  const named = model.namedParameters().filter(([, parameter]) => parameter.requiresGrad);
  const fisher = Object.fromEntries(named.map(([name, parameter]) => [name, keep(zerosLike(parameter))]));
  const restoreModes = saveModes(model);
  model.eval();
  model.zeroGrad();
  try {
    for (const index of chooseIndices(available, count, generator)) {
      tidy(() => {
        const [input, target] = unpackBatch('fisherDiagonal', loader.load([index], generator));
        const output = model.call(input);
        options.loss(output, labels === 'sampled' ? sampledLabel(output, generator) : target).backward();
        for (const [name, parameter] of named)
          if (parameter.grad) assign(fisher[name], add(fisher[name], square(parameter.grad)));
        model.zeroGrad();
      });
    }
    for (const tensor of Object.values(fisher)) tidy(() => assign(tensor, div(tensor, count)));
  } catch (error) {
    for (const tensor of Object.values(fisher)) tensor.dispose();
    throw error;
  } finally {
    restoreModes();
  }
  return fisher;
}

/** Options of `EWC`. */
export interface EwcOptions {
  /** The strength λ of the penalty λ/2 · Σ F (θ − θ*)². */
  lambda: number;
  /** Logged as this (default `ewc`); give each task's EWC its own name. */
  name?: string;
}

/**
 * Elastic Weight Consolidation (Kirkpatrick et al., 2017): after a task, keeps the weights θ* and
 * the Fisher diagonal F, and adds λ/2 · Σᵢ Fᵢ (θᵢ − θ*ᵢ)² to later tasks' loss, so the weights that
 * mattered for the old task stay close to their values. Use it as a `fit` regularizer; one EWC per
 * learned task.
 *
 * @example
 * const ewc = EWC.fromDataset(model, taskA, { loss: crossEntropy, lambda: 100, samples: 200 });
 * await fit(model, { train: taskB, optimizer, loss: crossEntropy, epochs: 3, regularizers: [ewc] });
 * ewc.dispose();
 */
export class EWC implements Regularizer {
  readonly name: string;
  readonly lambda: number;
  /** θ*: copies of the parameters when the EWC was made, by name. */
  readonly anchors: Record<string, Tensor>;
  readonly #parameters: [string, Tensor][];
  readonly #fisher: Record<string, Tensor>;

  /** Anchors at the model's current parameters; takes ownership of `fisher` (one tensor per parameter name). */
  constructor(model: Model, fisher: Record<string, Tensor>, options: EwcOptions) {
    if (!(options?.lambda >= 0))
      throw new ArgumentError('EWC', `lambda must be a number ≥ 0, got ${options?.lambda}`);
    this.name = options.name ?? 'ewc';
    this.lambda = options.lambda;
    this.#parameters = model.namedParameters().filter(([name]) => name in fisher);
    for (const [name, parameter] of this.#parameters) {
      if (!shapesEqual(fisher[name].shape, parameter.shape))
        throw new ShapeError('EWC', `the Fisher diagonal of "${name}" does not match the parameter`, {
          parameter: parameter.shape,
          fisher: fisher[name].shape,
        });
    }
    if (this.#parameters.length === 0)
      throw new ArgumentError('EWC', 'the Fisher diagonal names none of the model parameters');
    this.#fisher = fisher;
    this.anchors = Object.fromEntries(
      this.#parameters.map(([name, parameter]) => [name, keep(clone(parameter.detach()))]),
    );
  }

  /** Estimates F on `data` (see `fisherDiagonal`) and anchors at the current weights. */
  static fromDataset(model: Model, data: DataSource, options: FisherOptions & EwcOptions): EWC {
    return new EWC(model, fisherDiagonal(model, data, options), options);
  }

  /** The Fisher diagonal, by parameter name. */
  get fisher(): Readonly<Record<string, Tensor>> {
    return this.#fisher;
  }

  /** λ/2 · Σ F (θ − θ*)² at the current parameters: a scalar, differentiable in them. */
  penalty(): Tensor {
    return tidy(() => {
      const terms = this.#parameters.map(([name, parameter]) =>
        sum(mul(this.#fisher[name], square(sub(parameter, this.anchors[name])))),
      );
      return mul(
        terms.reduce((total, term) => add(total, term)),
        this.lambda / 2,
      );
    });
  }

  /** Frees F and θ*. */
  dispose(): void {
    for (const tensor of [...Object.values(this.#fisher), ...Object.values(this.anchors)]) tensor.dispose();
  }
}
