import { logSoftmax, normalizeAxis, ShapeError, softmax, type Tensor } from '@nagare/tensor';
import { Module } from '../module';
import { glu, softmin } from './along-axis';
import { maxout } from './maxout';

// Activation layers: parameter-free modules around the functional forms, for use in Sequential.
// The functional forms document the formulas.

/**
 * Softmax along `axis` (default −1). Any shape in, the same shape out.
 *
 * @example
 * new Softmax(1).call(logits)
 */
export class Softmax extends Module {
  constructor(readonly axis = -1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return softmax(x, normalizeAxis('Softmax', this.axis, x.rank));
  }
  override extraRepr(): string {
    return `axis=${this.axis}`;
  }
}

/**
 * log-softmax along `axis` (default −1), for `nllLoss`. Any shape in, the same shape out.
 *
 * @example
 * new LogSoftmax(1).call(logits)
 */
export class LogSoftmax extends Module {
  constructor(readonly axis = -1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return logSoftmax(x, normalizeAxis('LogSoftmax', this.axis, x.rank));
  }
  override extraRepr(): string {
    return `axis=${this.axis}`;
  }
}

/**
 * Softmin softmax(−x) along `axis` (default −1). Any shape in, the same shape out.
 *
 * @example
 * new Softmin(1).call(distances)
 */
export class Softmin extends Module {
  constructor(readonly axis = -1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return softmin(x, this.axis);
  }
  override extraRepr(): string {
    return `axis=${this.axis}`;
  }
}

/**
 * Softmax over the channels of each position: axis −3 of `[N, C, H, W]` or `[C, H, W]`.
 *
 * @example
 * new Softmax2d().call(randn([2, 3, 4, 4])); // sums to 1 over axis 1
 */
export class Softmax2d extends Module {
  forward(x: Tensor): Tensor {
    if (x.rank !== 3 && x.rank !== 4)
      throw new ShapeError('Softmax2d', 'input must be [N, C, H, W] or [C, H, W]', { x: x.shape });
    return softmax(x, -3);
  }
}

/**
 * Gated linear unit a·σ(b) of the two halves of `axis` (default −1): `[…, 2n]` → `[…, n]`.
 *
 * @example
 * new GLU().call(randn([4, 6])).shape; // [4, 3]
 */
export class GLU extends Module {
  constructor(readonly axis = -1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return glu(x, this.axis);
  }
  override extraRepr(): string {
    return `axis=${this.axis}`;
  }
}

/**
 * Maxout over groups of `k` consecutive features on `axis` (default 1): `[N, k·m]` → `[N, m]`.
 *
 * @example
 * new Maxout(4) // [N, 4m] → [N, m]
 */
export class Maxout extends Module {
  constructor(
    readonly k: number,
    readonly options: { axis?: number } = {},
  ) {
    super();
  }
  forward(x: Tensor): Tensor {
    return maxout(x, this.k, this.options);
  }
  override extraRepr(): string {
    return `k=${this.k}, axis=${this.options.axis ?? 1}`;
  }
}
