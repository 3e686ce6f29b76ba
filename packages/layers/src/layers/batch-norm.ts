import { noGrad } from '@nagare/autograd';
import {
  ArgumentError,
  add,
  assign,
  full,
  mean,
  mul,
  reciprocal,
  ShapeError,
  sub,
  type Tensor,
  tidy,
  zeros,
} from '@nagare/tensor';
import { Module } from '../module';
import { centeredMoments, resolveEps, standardize } from './normalization';
import type { FloatDType } from './options';
import { checkPositiveInteger } from './sizes';

/** 1 − factor: a number for a number (exactly as before), a tensor for a tensor. */
function oneMinus(factor: number | Tensor): number | Tensor {
  return typeof factor === 'number' ? 1 - factor : sub(1, factor);
}

/** Options of `BatchNorm1d` and `BatchNorm2d`, with PyTorch's defaults. */
export interface BatchNormOptions {
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
  /** Weight of each batch in the running statistics (default 0.1); `null` gives the cumulative average. */
  momentum?: number | null;
  /** Learn a per-channel scale γ (`weight`) and shift β (`bias`) (default true). */
  affine?: boolean;
  /** Keep running statistics for evaluation (default true); false always uses batch statistics. */
  trackRunningStats?: boolean;
  dtype?: FloatDType;
}

/**
 * Batch normalization over the channel axis 1 (Ioffe & Szegedy, 2015), the shared implementation
 * of BatchNorm1d and BatchNorm2d. Training normalizes with the batch's mean and biased variance
 * and updates `running_mean`/`running_var` (the latter with the unbiased variance, as PyTorch);
 * evaluation normalizes with the running statistics.
 *
 * @example
 * if (layer instanceof BatchNorm) layer.resetRunningStats(); // any BatchNorm1d or BatchNorm2d
 */
export abstract class BatchNorm extends Module {
  readonly weight: Tensor | null;
  readonly bias: Tensor | null;
  readonly runningMean: Tensor | null;
  readonly runningVar: Tensor | null;
  readonly numBatchesTracked: Tensor | null;
  readonly eps: number;
  readonly momentum: number | null;

  /** The input ranks this layer accepts, e.g. [2, 3] for BatchNorm1d. */
  protected abstract readonly ranks: readonly number[];

  constructor(
    readonly numFeatures: number,
    options: BatchNormOptions = {},
  ) {
    super();
    const name = new.target.name;
    checkPositiveInteger(name, 'numFeatures', numFeatures);
    this.eps = resolveEps(name, options.eps);
    this.momentum = options.momentum === undefined ? 0.1 : options.momentum;
    if (this.momentum !== null && !(this.momentum >= 0 && this.momentum <= 1)) {
      throw new ArgumentError(name, `momentum must be in [0, 1] or null, got ${this.momentum}`);
    }
    const dtype = options.dtype ?? 'float32';
    const isAffine = options.affine ?? true;
    this.weight = isAffine ? this.registerParameter('weight', full([numFeatures], 1, { dtype })) : null;
    this.bias = isAffine ? this.registerParameter('bias', zeros([numFeatures], { dtype })) : null;
    const isTracking = options.trackRunningStats ?? true;
    this.runningMean = isTracking
      ? this.registerBuffer('running_mean', zeros([numFeatures], { dtype }))
      : null;
    this.runningVar = isTracking
      ? this.registerBuffer('running_var', full([numFeatures], 1, { dtype }))
      : null;
    this.numBatchesTracked = isTracking
      ? this.registerBuffer('num_batches_tracked', zeros([], { dtype: 'int32' }))
      : null;
  }

  forward(x: Tensor): Tensor {
    const name = this.constructor.name;
    if (!this.ranks.includes(x.rank) || x.shape[1] !== this.numFeatures) {
      const expected = this.ranks.map((r) => `[N, ${this.numFeatures}${', …'.repeat(r - 2)}]`).join(' or ');
      throw new ShapeError(name, `expected input ${expected}`, { x: x.shape });
    }
    const axes = x.shape.map((_, i) => i).filter((i) => i !== 1);
    // [C] → [C, 1, …] so per-channel values broadcast over the axes after the channel axis.
    const channelShape = [this.numFeatures, ...new Array<number>(x.rank - 2).fill(1)];
    const useBatchStats = this.training || this.runningMean === null;
    return tidy(() => {
      let centered: Tensor;
      let variance: Tensor;
      if (useBatchStats) {
        const count = x.size / this.numFeatures;
        if (this.training && count <= 1) {
          throw new ShapeError(name, 'training needs more than 1 value per channel', { x: x.shape });
        }
        ({ centered, variance } = centeredMoments(x, axes));
        if (this.training) this.#updateRunningStats(x, variance, axes, count);
      } else {
        centered = sub(x, this.runningMean!.reshape(channelShape));
        variance = this.runningVar!.reshape(channelShape);
      }
      const normalized = standardize(centered, variance, this.eps);
      if (!this.weight || !this.bias) return normalized;
      return add(mul(normalized, this.weight.reshape(channelShape)), this.bias.reshape(channelShape));
    });
  }

  #updateRunningStats(x: Tensor, biasedVariance: Tensor, axes: number[], count: number): void {
    const { runningMean, runningVar, numBatchesTracked } = this;
    if (!runningMean || !runningVar || !numBatchesTracked) return;
    // Statistics are data, not part of the graph: nothing here is recorded for autograd.
    noGrad(() => {
      assign(numBatchesTracked, add(numBatchesTracked, 1));
      // Only the cumulative average (momentum null) needs the count. It is read on the host, as
      // PyTorch does, except where reads are asynchronous only (WebGPU): 1/n is then a tensor.
      const factor =
        this.momentum ??
        (numBatchesTracked.storage.backend.readsAsyncOnly
          ? reciprocal(numBatchesTracked.cast(runningMean.dtype))
          : 1 / numBatchesTracked.item());
      const batchMean = mean(x, axes);
      const unbiased = mul(biasedVariance.reshape([this.numFeatures]), count / (count - 1));
      assign(runningMean, add(mul(runningMean, oneMinus(factor)), mul(batchMean, factor)));
      assign(runningVar, add(mul(runningVar, oneMinus(factor)), mul(unbiased, factor)));
    });
  }

  /** Resets the running statistics to mean 0, variance 1 and the batch count to 0. */
  resetRunningStats(): void {
    if (!this.runningMean || !this.runningVar || !this.numBatchesTracked) return;
    tidy(() => {
      assign(this.runningMean!, zeros([this.numFeatures]));
      assign(this.runningVar!, full([this.numFeatures], 1));
      assign(this.numBatchesTracked!, zeros([], { dtype: 'int32' }));
    });
  }

  override extraRepr(): string {
    return `${this.numFeatures}, eps=${this.eps}, momentum=${this.momentum}, affine=${this.weight !== null}, trackRunningStats=${this.runningMean !== null}`;
  }
}

/**
 * Batch normalization of `[N, C]` or `[N, C, L]` inputs over the batch (and length) axes, per
 * feature C, as PyTorch's `nn.BatchNorm1d`. State dict: `weight`, `bias`, `running_mean`,
 * `running_var`, `num_batches_tracked`.
 *
 * @example
 * const bn = new BatchNorm1d(64);
 * bn.call(randn([32, 64]));   // training: batch statistics, running stats updated
 * bn.eval().call(randn([1, 64])); // evaluation: running statistics
 */
export class BatchNorm1d extends BatchNorm {
  protected readonly ranks = [2, 3];
}

/**
 * Batch normalization of `[N, C, H, W]` inputs over the batch and spatial axes, per channel C, as
 * PyTorch's `nn.BatchNorm2d`. State dict: `weight`, `bias`, `running_mean`, `running_var`,
 * `num_batches_tracked`.
 *
 * @example
 * const bn = new BatchNorm2d(16, { momentum: 0.01 });
 * bn.call(randn([8, 16, 28, 28])).shape; // [8, 16, 28, 28]
 */
export class BatchNorm2d extends BatchNorm {
  protected readonly ranks = [4];
}
