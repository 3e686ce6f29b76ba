import { ArgumentError, concat, type Tensor, tidy } from '@nagare/tensor';
import { Module } from '../module';
import { adaptiveAvgPool2d, adaptiveMaxPool2d } from './adaptive-pool';

/** Options of `SpatialPyramidPool`. */
export interface SpatialPyramidPoolOptions {
  /** Pooling in each bin (default `'max'`, as He et al.). */
  mode?: 'max' | 'avg';
}

/**
 * Spatial pyramid pooling (He et al., 2014): pools `[N, C, H, W]` into n×n bins for each level n
 * (default 1, 2, 4), flattens and concatenates them, so any input size gives `[N, C·Σn²]` and a
 * CNN can feed a fixed-size dense layer.
 *
 * @example
 * const spp = new SpatialPyramidPool([1, 2, 4]);
 * spp.call(randn([2, 16, 13, 17])).shape; // [2, 336] (16 · (1 + 4 + 16))
 */
export class SpatialPyramidPool extends Module {
  readonly levels: readonly number[];
  readonly mode: 'max' | 'avg';

  constructor(levels: readonly number[] = [1, 2, 4], options: SpatialPyramidPoolOptions = {}) {
    super();
    if (levels.length === 0 || !levels.every((n) => Number.isInteger(n) && n >= 1)) {
      throw new ArgumentError(
        'SpatialPyramidPool',
        `levels must be positive integers, got [${levels.join(', ')}]`,
      );
    }
    this.mode = options.mode ?? 'max';
    if (this.mode !== 'max' && this.mode !== 'avg')
      throw new ArgumentError('SpatialPyramidPool', `mode must be 'max' or 'avg', got "${this.mode}"`);
    this.levels = [...levels];
  }

  /** Output features per input channel: Σ n². */
  get binsPerChannel(): number {
    return this.levels.reduce((total, n) => total + n * n, 0);
  }

  forward(x: Tensor): Tensor {
    const pool = this.mode === 'max' ? adaptiveMaxPool2d : adaptiveAvgPool2d;
    return tidy(() =>
      concat(
        this.levels.map((n) => pool(x, n).flatten(1)),
        1,
      ),
    );
  }

  override extraRepr(): string {
    return `levels=[${this.levels.join(', ')}], mode=${this.mode}`;
  }
}
