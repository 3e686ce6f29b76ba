import {
  cos,
  logSoftmax,
  normalizeAxis,
  relu,
  sigmoid,
  softmax,
  step,
  type Tensor,
  tanh,
} from '@nagare/tensor';
import { Module } from '../module';
import { type HardSigmoidOptions, hardSigmoid, hardSwish } from './hard';
import { maxout } from './maxout';
import { celu, elu, leakyRelu, selu } from './rectifiers';
import { type GeluOptions, gelu, mish, type SoftplusOptions, silu, softplus, softsign } from './smooth';

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
