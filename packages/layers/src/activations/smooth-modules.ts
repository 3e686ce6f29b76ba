import { cos, sigmoid, type Tensor, tanh } from '@nagare/tensor';
import { Module } from '../module';
import { tanhshrink } from './shrink';
import {
  type GeluOptions,
  gelu,
  logSigmoid,
  mish,
  type SoftplusOptions,
  silu,
  softplus,
  softsign,
} from './smooth';

// Activation layers: parameter-free modules around the functional forms, for use in Sequential.
// The functional forms document the formulas.

/**
 * Logistic sigmoid 1/(1 + e⁻ˣ). Any shape in, the same shape out.
 *
 * @example
 * new Sigmoid().call(tensor([0])); // [0.5]
 */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}

/**
 * log σ(x), stable for very negative x. Any shape in, the same shape out.
 *
 * @example
 * new LogSigmoid().call(tensor([0])); // [-0.6931]
 */
export class LogSigmoid extends Module {
  forward(x: Tensor): Tensor {
    return logSigmoid(x);
  }
}

/**
 * Hyperbolic tangent. Any shape in, the same shape out.
 *
 * @example
 * new Tanh().call(tensor([0])); // [0]
 */
export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

/**
 * Tanh shrinkage x − tanh(x). Any shape in, the same shape out.
 *
 * @example
 * new Tanhshrink().call(tensor([1])); // [0.2384]
 */
export class Tanhshrink extends Module {
  forward(x: Tensor): Tensor {
    return tanhshrink(x);
  }
}

/**
 * Softplus log(1 + e^(βx))/β. Any shape in, the same shape out.
 *
 * @example
 * new Softplus({ beta: 2 }).call(x)
 */
export class Softplus extends Module {
  constructor(readonly options: SoftplusOptions = {}) {
    super();
  }
  forward(x: Tensor): Tensor {
    return softplus(x, this.options);
  }
  override extraRepr(): string {
    return `beta=${this.options.beta ?? 1}, threshold=${this.options.threshold ?? 20}`;
  }
}

/**
 * Softsign x/(1 + |x|). Any shape in, the same shape out.
 *
 * @example
 * new Softsign().call(tensor([1])); // [0.5]
 */
export class Softsign extends Module {
  forward(x: Tensor): Tensor {
    return softsign(x);
  }
}

/**
 * GELU, exact or with `{ approximate: 'tanh' }`. Any shape in, the same shape out.
 *
 * @example
 * new GELU({ approximate: 'tanh' })
 */
export class GELU extends Module {
  constructor(readonly options: GeluOptions = {}) {
    super();
  }
  forward(x: Tensor): Tensor {
    return gelu(x, this.options);
  }
  override extraRepr(): string {
    return `approximate=${this.options.approximate ?? 'none'}`;
  }
}

/**
 * SiLU / Swish x·σ(x). Any shape in, the same shape out.
 *
 * @example
 * new SiLU().call(x)
 */
export class SiLU extends Module {
  forward(x: Tensor): Tensor {
    return silu(x);
  }
}

/**
 * Swish, the same layer as `SiLU`. Any shape in, the same shape out.
 *
 * @example
 * new Swish().call(tensor([1])); // [0.7311]
 */
export const Swish = SiLU;

/**
 * Mish x·tanh(softplus(x)). Any shape in, the same shape out.
 *
 * @example
 * new Mish().call(x)
 */
export class Mish extends Module {
  forward(x: Tensor): Tensor {
    return mish(x);
  }
}

/**
 * Cosine, cos(x): a periodic activation (the lecture tried it on MNIST). Any shape in, the
 * same shape out.
 *
 * @example
 * new Cos()
 */
export class Cos extends Module {
  forward(x: Tensor): Tensor {
    return cos(x);
  }
}
