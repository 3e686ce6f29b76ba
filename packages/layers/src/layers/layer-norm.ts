import { ArgumentError, add, full, mul, ShapeError, type Tensor, tidy, zeros } from '@nagare/tensor';
import { Module } from '../module';
import { centeredMoments, resolveEps, standardize } from './normalization';
import type { FloatDType } from './options';

/** Options of `LayerNorm`, with PyTorch's defaults. */
export interface LayerNormOptions {
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
  /** Learn an elementwise scale `weight` (and shift `bias`) of the normalized shape (default true). */
  elementwiseAffine?: boolean;
  /** Learn the shift `bias` when affine (default true). */
  bias?: boolean;
  dtype?: FloatDType;
}

/**
 * Layer normalization (Ba et al., 2016), as PyTorch's `nn.LayerNorm`: each sample is normalized
 * over its last axes (`normalizedShape`) with their mean and biased variance, the same in training
 * and evaluation. Parameters `weight` (ones) and `bias` (zeros) of `normalizedShape`.
 *
 * @example
 * const norm = new LayerNorm(512);
 * norm.call(randn([8, 10, 512])).shape; // [8, 10, 512]
 */
export class LayerNorm extends Module {
  readonly normalizedShape: readonly number[];
  readonly weight: Tensor | null;
  readonly bias: Tensor | null;
  readonly eps: number;

  constructor(normalizedShape: number | readonly number[], options: LayerNormOptions = {}) {
    super();
    this.normalizedShape = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
    if (
      this.normalizedShape.length === 0 ||
      !this.normalizedShape.every((d) => Number.isInteger(d) && d >= 1)
    ) {
      throw new ArgumentError(
        'LayerNorm',
        `normalizedShape must be positive integers, got ${JSON.stringify(normalizedShape)}`,
      );
    }
    this.eps = resolveEps('LayerNorm', options.eps);
    const dtype = options.dtype ?? 'float32';
    const isAffine = options.elementwiseAffine ?? true;
    this.weight = isAffine
      ? this.registerParameter('weight', full(this.normalizedShape, 1, { dtype }))
      : null;
    this.bias =
      isAffine && options.bias !== false
        ? this.registerParameter('bias', zeros(this.normalizedShape, { dtype }))
        : null;
  }

  forward(x: Tensor): Tensor {
    const k = this.normalizedShape.length;
    const trailing = x.shape.slice(x.rank - k);
    if (x.rank < k || trailing.some((d, i) => d !== this.normalizedShape[i])) {
      throw new ShapeError('LayerNorm', `expected input [..., ${this.normalizedShape.join(', ')}]`, {
        x: x.shape,
      });
    }
    const axes = Array.from({ length: k }, (_, i) => x.rank - k + i);
    return tidy(() => {
      const { centered, variance } = centeredMoments(x, axes);
      let y = standardize(centered, variance, this.eps);
      if (this.weight) y = mul(y, this.weight);
      if (this.bias) y = add(y, this.bias);
      return y;
    });
  }

  override extraRepr(): string {
    return `[${this.normalizedShape.join(', ')}], eps=${this.eps}, elementwiseAffine=${this.weight !== null}`;
  }
}
