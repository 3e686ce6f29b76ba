import {
  ArgumentError,
  arange,
  assign,
  DTypeError,
  detach,
  gather,
  ne,
  type Tensor,
  tidy,
  unsqueeze,
  where,
} from '@nagare/tensor';
import { normal } from '../init/basic';
import { Module } from '../module';
import { resolveGenerator } from '../random';
import { createParameter, type Initializer, type ParameterOptions } from './options';
import { checkPositiveInteger } from './sizes';

/** Options of `Embedding`. */
export interface EmbeddingOptions extends ParameterOptions {
  /** An index whose row is zero and gets no gradient, e.g. the padding token. */
  paddingIdx?: number;
  /** Replaces the default N(0, 1) initialization. */
  weightInit?: Initializer;
}

/**
 * A lookup table of `numEmbeddings` vectors of size `embeddingDim`, as PyTorch's `nn.Embedding`:
 * int32 indices of any shape `[...]` give `[..., embeddingDim]`. Parameter `weight`
 * `[numEmbeddings, embeddingDim]`, initialized N(0, 1) (the `paddingIdx` row zero).
 *
 * @example
 * const embed = new Embedding(10000, 64, { paddingIdx: 0, seed: 0 });
 * embed.call(tensor([[1, 5, 0]], { dtype: 'int32' })).shape; // [1, 3, 64]
 */
export class Embedding extends Module {
  readonly weight: Tensor;
  readonly paddingIdx: number | null;

  constructor(
    readonly numEmbeddings: number,
    readonly embeddingDim: number,
    options: EmbeddingOptions = {},
  ) {
    super();
    checkPositiveInteger('Embedding', 'numEmbeddings', numEmbeddings);
    checkPositiveInteger('Embedding', 'embeddingDim', embeddingDim);
    let paddingIdx = options.paddingIdx ?? null;
    if (paddingIdx !== null) {
      if (!Number.isInteger(paddingIdx) || paddingIdx < -numEmbeddings || paddingIdx >= numEmbeddings) {
        throw new ArgumentError(
          'Embedding',
          `paddingIdx ${paddingIdx} is out of range for ${numEmbeddings} embeddings`,
        );
      }
      // As PyTorch: a negative padding index counts from the end.
      if (paddingIdx < 0) paddingIdx += numEmbeddings;
    }
    this.paddingIdx = paddingIdx;
    const weightInit = options.weightInit ?? ((t, o) => normal(t, o));
    const weight = createParameter(
      [numEmbeddings, embeddingDim],
      weightInit,
      options,
      resolveGenerator(options),
    );
    if (paddingIdx !== null) {
      const row = paddingIdx;
      tidy(() => {
        const isKept = ne(arange(numEmbeddings).reshape([numEmbeddings, 1]), row);
        assign(weight, where(isKept, weight, 0));
      });
    }
    this.weight = this.registerParameter('weight', weight);
  }

  forward(indices: Tensor): Tensor {
    if (indices.dtype !== 'int32')
      throw new DTypeError('Embedding', 'indices must be int32', { indices: indices.dtype });
    // The range check reads on the host: skipped where reads are asynchronous only (WebGPU), as gather's is.
    for (const index of indices.storage.backend.readsAsyncOnly ? [] : indices.dataSync()) {
      if (index < 0 || index >= this.numEmbeddings) {
        throw new ArgumentError(
          'Embedding',
          `index ${index} is out of range for ${this.numEmbeddings} embeddings`,
        );
      }
    }
    return tidy(() => {
      const rows = gather(this.weight, indices, 0);
      if (this.paddingIdx === null) return rows;
      // As PyTorch: the padding row's value is looked up like any other (a loaded state dict may
      // make it non-zero), but no gradient reaches it, so training never moves it.
      return where(unsqueeze(ne(indices, this.paddingIdx), -1), rows, detach(rows));
    });
  }

  override extraRepr(): string {
    return `${this.numEmbeddings}, ${this.embeddingDim}${this.paddingIdx === null ? '' : `, paddingIdx=${this.paddingIdx}`}`;
  }
}
