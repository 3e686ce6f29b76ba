import * as nn from '@nagare/layers';
import * as nt from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

// Activations go through @nagare/layers' functional activations, with ONNX's attribute defaults
// passed explicitly where they differ from PyTorch's (HardSigmoid's α is 0.2 in ONNX, 1/6 in PyTorch).

/**
 * Selu with ONNX's α and γ: γ·elu(x, α). ONNX's defaults are the float32 roundings of SELU's
 * constants; any α, γ is allowed, so this scales `elu` rather than calling the fixed `selu`.
 */
function selu(c: OnnxOpContext) {
  const alpha = c.float('alpha', Math.fround(nn.SELU_ALPHA));
  const gamma = c.float('gamma', Math.fround(nn.SELU_SCALE));
  return [nt.mul(nn.elu(c.input(0), alpha), gamma)];
}

/**
 * PRelu broadcasts its slope NumPy-style against x (e.g. [5] along the last axis of [3, 4, 5]),
 * while `prelu` takes one weight per channel on axis 1. A slope of that form goes straight to
 * `prelu`; any other is expanded to x's shape and applied as one "channel" per element of a
 * [1, size] view, so every case runs through the layers' function.
 */
function prelu(c: OnnxOpContext) {
  const [x, slope] = [c.input(0), c.input(1)];
  const channels = x.rank >= 2 ? x.shape[1] : x.shape[0];
  if (slope.rank === 1 && (slope.shape[0] === 1 || (x.rank <= 2 && slope.shape[0] === channels)))
    return [nn.prelu(x, slope)];
  const elementwise = nt.reshape(nt.expand(slope, x.shape), [x.size]);
  return [nt.reshape(nn.prelu(nt.reshape(x, [1, x.size]), elementwise), x.shape)];
}

/** Activation functions. */
export const activationOps: OnnxOpTable = {
  HardSigmoid: (c) => [
    nn.hardSigmoid(c.input(0), { alpha: c.float('alpha', 0.2), beta: c.float('beta', 0.5) }),
  ],
  HardSwish: (c) => [nn.hardSwish(c.input(0))],
  LeakyRelu: (c) => [nn.leakyRelu(c.input(0), c.float('alpha', 0.01))],
  PRelu: prelu,
  ThresholdedRelu: (c) => {
    const x = c.input(0);
    return [nt.where(nt.gt(x, c.float('alpha', 1)), x, 0)];
  },
  Elu: (c) => [nn.elu(c.input(0), c.float('alpha', 1))],
  Selu: selu,
  Celu: (c) => [nn.celu(c.input(0), c.float('alpha', 1))],
  Gelu: (c) => {
    const approximate = c.string('approximate', 'none');
    if (approximate !== 'none' && approximate !== 'tanh')
      return c.unsupported(`approximate "${approximate}"`);
    return [nn.gelu(c.input(0), { approximate })];
  },
  Softplus: (c) => [nn.softplus(c.input(0))],
  Softsign: (c) => [nn.softsign(c.input(0))],
  Mish: (c) => [nn.mish(c.input(0))],
};
