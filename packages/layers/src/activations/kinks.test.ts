import '@nagare/autograd';
import { grad } from '@nagare/autograd';
import { relu, sum, type Tensor, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { hardSigmoid, hardSwish, hardtanh, relu6 } from './hard';
import { celu, elu, leakyRelu, prelu, SELU_ALPHA, SELU_SCALE, selu } from './rectifiers';
import { rrelu } from './rrelu';
import { hardshrink, softshrink, threshold } from './shrink';
import { softsign } from './smooth';

// Derivatives at every kink, as PyTorch 1.13 computes them (float64 autograd, read off
// torch.autograd on the same points; apps/pytorch-reference checks them on a grid). These are the conventions the layers README documents.
const KINKS: { name: string; fn: (x: Tensor) => Tensor; at: number[]; derivative: number[] }[] = [
  { name: "relu'(0) = 0", fn: relu, at: [0], derivative: [0] },
  { name: "leakyRelu'(0) = slope", fn: (x) => leakyRelu(x, 0.1), at: [0], derivative: [0.1] },
  {
    name: "prelu'(0) = weight",
    fn: (x) => prelu(x, tensor([0.25], { dtype: x.dtype })),
    at: [0],
    derivative: [0.25],
  },
  { name: "elu'(0) = α", fn: (x) => elu(x, 2), at: [0], derivative: [2] },
  { name: "celu'(0) = 1", fn: (x) => celu(x, 2), at: [0], derivative: [1] },
  { name: "selu'(0) = λα", fn: selu, at: [0], derivative: [SELU_SCALE * SELU_ALPHA] },
  { name: "relu6' = 0 at 0 and 6", fn: relu6, at: [0, 6], derivative: [0, 0] },
  { name: "hardtanh' = 0 at ±1", fn: (x) => hardtanh(x), at: [-1, 1], derivative: [0, 0] },
  { name: "hardSigmoid' = 0 at ±3", fn: (x) => hardSigmoid(x), at: [-3, 3], derivative: [0, 0] },
  // PyTorch's vectorized kernel (any tensor of 8 or more elements); its scalar tail says 1.5 at 3.
  { name: "hardSwish' = −0.5 at −3 and 1 at 3", fn: hardSwish, at: [-3, 3], derivative: [-0.5, 1] },
  { name: "hardshrink' = 0 at ±λ", fn: (x) => hardshrink(x, 0.5), at: [-0.5, 0.5], derivative: [0, 0] },
  { name: "softshrink' = 0 at ±λ", fn: (x) => softshrink(x, 0.5), at: [-0.5, 0.5], derivative: [0, 0] },
  { name: "threshold' = 0 at the threshold", fn: (x) => threshold(x, 0.5, -2), at: [0.5], derivative: [0] },
  { name: "rrelu'(0) = mean slope in eval", fn: (x) => rrelu(x), at: [0], derivative: [(1 / 8 + 1 / 3) / 2] },
  { name: "softsign'(0) = 1", fn: softsign, at: [0], derivative: [1] },
];

describeBackends('activation derivatives at their kinks match PyTorch', () => {
  test.each(KINKS)('$name', ({ fn, at, derivative }) => {
    const slope = grad((x: Tensor) => sum(fn(x)))(tensor(at, { dtype: 'float64' }));
    expectAllClose(slope, derivative, { rtol: 1e-12, atol: 1e-15 });
  });
});
