import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import type { OpContext, OpTable } from '../op-context';

// Each activation is written with nagare tensor ops, following the formula in ONNX's Operators.md;
// attribute defaults are ONNX's.

/** ELU: x for x > 0, α(eˣ − 1) otherwise. */
const elu = (x: Tensor, alpha: number) => nt.where(nt.gt(x, 0), x, nt.mul(nt.expm1(x), alpha));

/** GELU, exact (erf) or with the tanh approximation. */
function gelu(x: Tensor, approximate: string): Tensor {
  if (approximate === 'tanh') {
    const inner = nt.mul(nt.add(x, nt.mul(nt.mul(nt.square(x), x), 0.044715)), Math.sqrt(2 / Math.PI));
    return nt.mul(nt.mul(x, 0.5), nt.add(nt.tanh(inner), 1));
  }
  return nt.mul(nt.mul(x, 0.5), nt.add(nt.erf(nt.mul(x, Math.SQRT1_2)), 1));
}

/** Activation functions composed from tensor ops. */
export const activationOps: OpTable = {
  HardSigmoid: (c: OpContext) => {
    const [alpha, beta] = [c.float('alpha', 0.2), c.float('beta', 0.5)];
    return [nt.clip(nt.add(nt.mul(c.input(0), alpha), beta), 0, 1)];
  },
  HardSwish: (c) => {
    const x = c.input(0);
    return [nt.mul(x, nt.clip(nt.add(nt.mul(x, 1 / 6), 0.5), 0, 1))];
  },
  LeakyRelu: (c) => {
    const x = c.input(0);
    return [nt.where(nt.lt(x, 0), nt.mul(x, c.float('alpha', 0.01)), x)];
  },
  PRelu: (c) => {
    const x = c.input(0);
    return [nt.where(nt.lt(x, 0), nt.mul(x, c.input(1)), x)];
  },
  ThresholdedRelu: (c) => {
    const x = c.input(0);
    return [nt.where(nt.gt(x, c.float('alpha', 1)), x, 0)];
  },
  Elu: (c) => [elu(c.input(0), c.float('alpha', 1))],
  Selu: (c) => {
    // ONNX's defaults are the float32 roundings of SELU's constants.
    const alpha = c.float('alpha', Math.fround(1.6732632423543772));
    const gamma = c.float('gamma', Math.fround(1.0507009873554805));
    return [nt.mul(elu(c.input(0), alpha), gamma)];
  },
  Celu: (c) => {
    // CELU = max(0, x) + min(0, α(e^(x/α) − 1))
    const x = c.input(0);
    const alpha = c.float('alpha', 1);
    return [nt.add(nt.relu(x), nt.minimum(nt.mul(nt.expm1(nt.div(x, alpha)), alpha), 0))];
  },
  Gelu: (c) => [gelu(c.input(0), c.string('approximate', 'none'))],
  Softplus: (c) => [nt.softplus(c.input(0))],
  Softsign: (c) => {
    const x = c.input(0);
    return [nt.div(x, nt.add(nt.abs(x), 1))];
  },
  Mish: (c) => {
    const x = c.input(0);
    return [nt.mul(x, nt.tanh(nt.softplus(x)))];
  },
};
