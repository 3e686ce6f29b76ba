import {
  abs,
  add,
  cast,
  ceil,
  clip,
  cos,
  div,
  erf,
  exp,
  expm1,
  floor,
  log,
  log1p,
  maximum,
  minimum,
  mul,
  neg,
  pow,
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  softplus,
  sqrt,
  square,
  step,
  sub,
  type Tensor,
  tanh,
  tensor,
  where,
} from '@nagare/tensor';
import type { GradcheckCase } from './case';
import { type DrawOptions, draw, STEPS } from './values';

function unary(op: string, f: (x: Tensor) => Tensor, seed: number, options: DrawOptions = {}): GradcheckCase {
  return { op, name: `${op} [3, 4]`, inputs: () => [draw([3, 4], seed, options)], f };
}

/** b = a ± (0.2 … 1): never equal, so maximum/minimum have no tie inside the step. */
function apart(seed: number): Tensor[] {
  const a = draw([2, 3], seed);
  const gap = draw([2, 3], seed + 1, { low: 0.2, high: 1 });
  const signs = tensor([1, -1, 1, -1, 1, -1], { shape: [2, 3] });
  return [a, add(a, mul(gap, signs))];
}

/** Cases of the elementwise ops: unary math, binary arithmetic with broadcasting, selections. */
export const ELEMENTWISE_CASES: GradcheckCase[] = [
  unary('abs', abs, 1, { kinks: [0] }),
  unary('neg', neg, 2),
  unary('exp', exp, 3, { low: -2, high: 2 }),
  unary('expm1', expm1, 4, { low: -2, high: 2 }),
  unary('log', log, 5, { low: 0.5, high: 3 }),
  unary('log1p', log1p, 6, { low: 0, high: 2 }),
  unary('sqrt', sqrt, 7, { low: 0.5, high: 3 }),
  unary('rsqrt', rsqrt, 8, { low: 0.5, high: 3 }),
  unary('reciprocal', reciprocal, 9, { low: 0.5, high: 2 }),
  unary('square', square, 10),
  unary('sin', sin, 11),
  unary('cos', cos, 12),
  unary('tanh', tanh, 13),
  unary('sigmoid', sigmoid, 14),
  unary('softplus', softplus, 15),
  unary('erf', erf, 16),
  unary('relu', relu, 17, { kinks: [0] }),
  unary('step', step, 18, { kinks: [0] }),
  unary('sign', sign, 19, { kinks: [0] }),
  unary('floor', floor, 20, { kinks: STEPS }),
  unary('ceil', ceil, 21, { kinks: STEPS }),
  unary('round', round, 22, { kinks: STEPS }),
  unary('clip', (x) => clip(x, -0.5, 0.5), 23, { kinks: [-0.5, 0.5] }),
  unary('cast', (x) => cast(x, x.dtype), 24),
  { op: 'add', name: 'add [2, 3] + [3]', inputs: () => [draw([2, 3], 30), draw([3], 31)], f: add },
  { op: 'sub', name: 'sub [3, 1] − [1, 4]', inputs: () => [draw([3, 1], 32), draw([1, 4], 33)], f: sub },
  { op: 'mul', name: 'mul [2, 3] · [2, 1]', inputs: () => [draw([2, 3], 34), draw([2, 1], 35)], f: mul },
  {
    op: 'div',
    name: 'div [2, 3] / [3]',
    inputs: () => [draw([2, 3], 36), draw([3], 37, { low: 0.5, high: 2 })],
    f: div,
  },
  {
    op: 'pow',
    name: 'pow [2, 3] ^ [2, 3], positive base',
    inputs: () => [draw([2, 3], 38, { low: 0.5, high: 2 }), draw([2, 3], 39, { low: -1, high: 2 })],
    f: pow,
  },
  { op: 'maximum', name: 'maximum of values apart', inputs: () => apart(40), f: maximum },
  { op: 'minimum', name: 'minimum of values apart', inputs: () => apart(42), f: minimum },
  {
    op: 'where',
    name: 'where(cond, a, b)',
    inputs: () => [draw([2, 3], 44), draw([2, 3], 45)],
    f: (a, b) => where(tensor([true, false, true, false, false, true], { shape: [2, 3] }), a, b),
  },
];
