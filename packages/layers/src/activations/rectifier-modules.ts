import { ArgumentError, relu, type Tensor } from '@nagare/tensor';
import { Module } from '../module';
import { relu6 } from './hard';
import { celu, elu, leakyRelu, selu } from './rectifiers';
import { threshold as thresholdFn } from './shrink';

// Activation layers: parameter-free modules around the functional forms, for use in Sequential.
// The functional forms document the formulas.

/**
 * max(x, 0). Any shape in, the same shape out.
 *
 * @example
 * new ReLU().call(tensor([-1, 2])); // [0, 2]
 */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/**
 * ReLU6 min(max(x, 0), 6). Any shape in, the same shape out.
 *
 * @example
 * new ReLU6().call(tensor([-1, 3, 8])); // [0, 3, 6]
 */
export class ReLU6 extends Module {
  forward(x: Tensor): Tensor {
    return relu6(x);
  }
}

/**
 * Leaky ReLU with slope `negativeSlope` (default 0.01) for x ≤ 0. Any shape in, the same shape out.
 *
 * @example
 * new LeakyReLU(0.2)
 */
export class LeakyReLU extends Module {
  constructor(readonly negativeSlope = 0.01) {
    super();
  }
  forward(x: Tensor): Tensor {
    return leakyRelu(x, this.negativeSlope);
  }
  override extraRepr(): string {
    return `negativeSlope=${this.negativeSlope}`;
  }
}

/**
 * ELU with scale α (default 1) on the negative side. Any shape in, the same shape out.
 *
 * @example
 * new ELU(1).call(x)
 */
export class ELU extends Module {
  constructor(readonly alpha = 1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return elu(x, this.alpha);
  }
  override extraRepr(): string {
    return `alpha=${this.alpha}`;
  }
}

/**
 * SELU, the self-normalizing activation (use with `init.lecunNormal` and `AlphaDropout`).
 * Any shape in, the same shape out.
 *
 * @example
 * new Sequential(new Linear(64, 64, { weightInit: init.lecunNormal }), new SELU(), new AlphaDropout(0.05));
 */
export class SELU extends Module {
  forward(x: Tensor): Tensor {
    return selu(x);
  }
}

/**
 * CELU with α (default 1). Any shape in, the same shape out.
 *
 * @example
 * new CELU(2).call(x)
 */
export class CELU extends Module {
  constructor(readonly alpha = 1) {
    super();
  }
  forward(x: Tensor): Tensor {
    return celu(x, this.alpha);
  }
  override extraRepr(): string {
    return `alpha=${this.alpha}`;
  }
}

/**
 * x where x > `threshold`, else `value`. Any shape in, the same shape out.
 *
 * @example
 * new Threshold(0.1, 20).call(tensor([0, 1])); // [20, 1]
 */
export class Threshold extends Module {
  constructor(
    readonly threshold: number,
    readonly value: number,
  ) {
    super();
    if (Number.isNaN(threshold) || Number.isNaN(value))
      throw new ArgumentError(
        'Threshold',
        `threshold and value must be numbers (got ${threshold}, ${value})`,
      );
  }
  forward(x: Tensor): Tensor {
    return thresholdFn(x, this.threshold, this.value);
  }
  override extraRepr(): string {
    return `threshold=${this.threshold}, value=${this.value}`;
  }
}
