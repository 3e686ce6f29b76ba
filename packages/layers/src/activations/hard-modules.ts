import { step, type Tensor } from '@nagare/tensor';
import { Module } from '../module';
import { checkHardtanhBounds, type HardSigmoidOptions, hardSigmoid, hardSwish, hardtanh } from './hard';
import { checkLambda, hardshrink, softshrink } from './shrink';

// Activation layers: parameter-free modules around the functional forms, for use in Sequential.
// The functional forms document the formulas.

/**
 * Heaviside step (1 where x > 0, else 0), the perceptron's activation; its gradient is 0.
 * Any shape in, the same shape out.
 *
 * @example
 * new Step().call(tensor([-1, 2])); // [0, 1]
 */
export class Step extends Module {
  forward(x: Tensor): Tensor {
    return step(x);
  }
}

/**
 * Hard sigmoid clip(αx + β, 0, 1), PyTorch's x/6 + 1/2 by default. Any shape in, the same shape out.
 *
 * @example
 * new HardSigmoid()
 */
export class HardSigmoid extends Module {
  constructor(readonly options: HardSigmoidOptions = {}) {
    super();
  }
  forward(x: Tensor): Tensor {
    return hardSigmoid(x, this.options);
  }
}

/**
 * Hard swish x·relu6(x + 3)/6. Any shape in, the same shape out.
 *
 * @example
 * new HardSwish().call(x)
 */
export class HardSwish extends Module {
  forward(x: Tensor): Tensor {
    return hardSwish(x);
  }
}

/**
 * Hard tanh: x clamped to [`minVal`, `maxVal`] (default [−1, 1]). Any shape in, the same shape out.
 *
 * @example
 * new Hardtanh(-2, 2).call(tensor([-3, 1])); // [-2, 1]
 */
export class Hardtanh extends Module {
  constructor(
    readonly minVal = -1,
    readonly maxVal = 1,
  ) {
    super();
    checkHardtanhBounds('Hardtanh', minVal, maxVal);
  }
  forward(x: Tensor): Tensor {
    return hardtanh(x, this.minVal, this.maxVal);
  }
  override extraRepr(): string {
    return `minVal=${this.minVal}, maxVal=${this.maxVal}`;
  }
}

/**
 * Hard shrinkage: x where |x| > `lambd` (default 0.5), else 0. Any shape in, the same shape out.
 *
 * @example
 * new Hardshrink().call(tensor([-1, 0.2])); // [-1, 0]
 */
export class Hardshrink extends Module {
  constructor(readonly lambd = 0.5) {
    super();
    checkLambda('Hardshrink', lambd);
  }
  forward(x: Tensor): Tensor {
    return hardshrink(x, this.lambd);
  }
  override extraRepr(): string {
    return `lambd=${this.lambd}`;
  }
}

/**
 * Soft shrinkage: x ∓ `lambd` outside [−lambd, lambd] (default 0.5), else 0. Any shape in, the same
 * shape out.
 *
 * @example
 * new Softshrink().call(tensor([-1, 0.2])); // [-0.5, 0]
 */
export class Softshrink extends Module {
  constructor(readonly lambd = 0.5) {
    super();
    checkLambda('Softshrink', lambd);
  }
  forward(x: Tensor): Tensor {
    return softshrink(x, this.lambd);
  }
  override extraRepr(): string {
    return `lambd=${this.lambd}`;
  }
}
