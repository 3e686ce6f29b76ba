import * as nt from '@nagare/tensor';
import { type OpName, type Tensor, tensor, traceOps } from '@nagare/tensor';
import { afterAll, describe, expect, test } from 'vitest';
import { expectSameOutputs, runOnnxRuntime } from '../__fixtures__/onnxruntime';
import { importOnnx } from '../import/import-onnx';
import { exportOnnx } from './export-onnx';
import { OP_EXPORTERS } from './ops/index';

const x23 = () => tensor([-1.5, -0.5, 0, 0.5, 2.5, 3], { shape: [2, 3] });
const positive = () => tensor([0.5, 1, 2, 3, 4, 9], { shape: [2, 3] });
const ints = () => tensor([3, -2, 0, 7, 1, -5], { shape: [2, 3], dtype: 'int32' });
const image = () => nt.randn([1, 2, 5, 6], { seed: 3 });

type Case = [name: string, fn: (...xs: Tensor[]) => Tensor | Tensor[], inputs: () => Tensor[]];

// Each case runs through exportOnnx, onnxruntime and importOnnx; together they cover every exporter.
const CASES: Case[] = [
  [
    'neg, abs, sign, relu',
    (x) => nt.add(nt.add(nt.neg(x), nt.abs(x)), nt.add(nt.sign(x), nt.relu(x))),
    () => [x23()],
  ],
  [
    'exp, expm1, log, log1p',
    (x) => nt.add(nt.add(nt.exp(x), nt.expm1(x)), nt.add(nt.log(x), nt.log1p(x))),
    () => [positive()],
  ],
  [
    'sqrt, rsqrt, square, reciprocal',
    (x) => nt.add(nt.add(nt.sqrt(x), nt.rsqrt(x)), nt.add(nt.square(x), nt.reciprocal(x))),
    () => [positive()],
  ],
  [
    'sin, cos, tanh, sigmoid',
    (x) => nt.add(nt.add(nt.sin(x), nt.cos(x)), nt.add(nt.tanh(x), nt.sigmoid(x))),
    () => [x23()],
  ],
  ['step, softplus, erf', (x) => nt.add(nt.step(x), nt.add(nt.softplus(x), nt.erf(x))), () => [x23()]],
  ['floor, ceil, round (halves to even)', (x) => [nt.floor(x), nt.ceil(x), nt.round(x)], () => [x23()]],
  ['rounding an int32 tensor is the identity', (x) => [nt.floor(x), nt.round(x)], () => [ints()]],
  [
    'float math on int32 promotes to float32',
    (x) => nt.add(nt.exp(nt.mul(x, 0.1)), nt.sqrt(nt.abs(x))),
    () => [ints()],
  ],
  [
    'clip with one or two finite bounds',
    (x) => [
      nt.clip(x, -1, 1),
      nt.clip(x, 0, Number.POSITIVE_INFINITY),
      nt.clip(x, Number.NEGATIVE_INFINITY, 2),
    ],
    () => [x23()],
  ],
  [
    'cast between float, int32 and bool',
    (x) => [nt.cast(x, 'int32'), nt.cast(x, 'bool'), nt.cast(nt.cast(x, 'int32'), 'float32')],
    () => [x23()],
  ],
  [
    'isNaN on floats and int32, logicalNot',
    (x, i) => [nt.isNaN(x), nt.isNaN(i), nt.logicalNot(nt.isNaN(x))],
    () => [tensor([1, Number.NaN, 3]), tensor([1, 2, 3], { dtype: 'int32' })],
  ],
  [
    'add, sub, mul, div with broadcasting and scalars',
    (a, b) => nt.div(nt.sub(nt.mul(nt.add(a, b), 2), 1), nt.add(b, 3)),
    () => [x23(), tensor([1, 2, 3])],
  ],
  [
    'pow, maximum, minimum',
    (a, b) => [nt.pow(nt.abs(a), b), nt.maximum(a, b), nt.minimum(a, b)],
    () => [x23(), tensor([1, 2, 0.5])],
  ],
  [
    'int32 arithmetic and int32 ÷ int32 → float32',
    (a, b) => [nt.add(nt.mul(a, b), 1), nt.div(a, b)],
    () => [ints(), tensor([2, 3, -4], { dtype: 'int32' })],
  ],
  ['int32 + float32 promotes', (a, b) => nt.add(a, b), () => [ints(), x23()]],
  [
    'comparisons',
    (a, b) => [nt.eq(a, b), nt.ne(a, b), nt.lt(a, b), nt.le(a, b), nt.gt(a, b), nt.ge(a, b)],
    () => [x23(), tensor([0, 0.5, 3])],
  ],
  [
    'logicalAnd, logicalOr, where',
    (a, b) => {
      const both = nt.logicalAnd(nt.gt(a, 0), nt.gt(b, 0));
      return [both, nt.logicalOr(nt.gt(a, 0), nt.gt(b, 0)), nt.where(both, a, b)];
    },
    () => [x23(), tensor([1, -1, 2])],
  ],
  [
    'sum, prod, max, min over axes, with and without keepDims',
    (x) => [
      nt.sum(x, [1]),
      nt.prod(x, [0], { keepDims: true }),
      nt.max(x),
      nt.min(x, [1], { keepDims: true }),
    ],
    () => [x23()],
  ],
  [
    'argmax, argmin (int32 indices), last index on ties',
    (x) => [nt.argmax(x, 1), nt.argmin(x, 0, { keepDims: true }), nt.argmax(x, 1, { selectLastIndex: true })],
    () => [tensor([1, 3, 3, 0, 0, -1], { shape: [2, 3] })],
  ],
  [
    'cumsum forward, exclusive, reverse',
    (x) => [nt.cumsum(x, 1), nt.cumsum(x, 0, { exclusive: true, reverse: true })],
    () => [x23()],
  ],
  [
    'topk largest and smallest',
    (x) => [...nt.topk(x, 2), ...nt.topk(x, 1, { axis: 0, largest: false })],
    () => [x23()],
  ],
  [
    'reshape, transpose, expand, concat',
    (x) =>
      nt.concat(
        [nt.transpose(nt.reshape(x, [3, 2]), [1, 0]), nt.expand(nt.reshape(nt.sum(x, [0]), [1, 3]), [2, 3])],
        0,
      ),
    () => [x23()],
  ],
  [
    'slice forwards, backwards and with steps',
    (x) => [
      nt.slice(x, [0, 1], [2, 3]),
      nt.slice(x, [1, 2], [-3, -4], { steps: [-1, -1] }),
      nt.slice(x, [0], [3], { axes: [1], steps: [2] }),
    ],
    () => [x23()],
  ],
  [
    'pad constant, reflect and edge',
    (x) => [
      nt.pad(
        x,
        [
          [1, 0],
          [0, 2],
        ],
        { value: 7 },
      ),
      nt.pad(
        x,
        [
          [0, 0],
          [2, 1],
        ],
        { mode: 'reflect' },
      ),
      nt.pad(
        x,
        [
          [1, 1],
          [1, 1],
        ],
        { mode: 'edge' },
      ),
    ],
    () => [x23()],
  ],
  [
    'gather with int32 indices, oneHot',
    (x, i) => [nt.gather(x, i, 1), nt.oneHot(i, 4)],
    () => [x23(), tensor([2, 0, -1], { dtype: 'int32' })],
  ],
  [
    'matmul of matrices (Gemm) with transposes',
    (a, b) => [nt.matmul(a, b, { transposeB: true }), nt.matmul(a, b, { transposeA: true })],
    () => [x23(), tensor([1, 0, 2, -1, 3, 1], { shape: [2, 3] })],
  ],
  [
    'batched matmul with transposes (MatMul)',
    (a, b) => nt.matmul(a, b, { transposeA: true, transposeB: true }),
    () => [nt.randn([2, 3, 4], { seed: 1 }), nt.randn([5, 3], { seed: 2 })],
  ],
  ['softmax and logSoftmax', (x) => [nt.softmax(x, 1), nt.logSoftmax(x, 0)], () => [x23()]],
  [
    'conv2d with bias, stride, asymmetric padding, dilation and groups',
    (x, w, b) =>
      nt.conv2d(x, w, { bias: b, stride: [1, 2], padding: [1, 0, 2, 1], dilation: [2, 1], groups: 2 }),
    () => [image(), nt.randn([4, 1, 2, 3], { seed: 4 }), tensor([0.1, -0.2, 0.3, 0])],
  ],
  [
    'maxPool2d with padding and ceilMode',
    (x) => nt.maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1, ceilMode: true }),
    () => [image()],
  ],
  [
    'avgPool2d with and without padding counted',
    (x) => [
      nt.avgPool2d(x, { kernelSize: [2, 3], padding: 1 }),
      nt.avgPool2d(x, { kernelSize: 2, stride: 1, padding: 1, countIncludePad: true }),
    ],
    () => [image()],
  ],
];

const exercised = new Set<string>();

describe('every nagare op exports and runs the same in onnxruntime and importOnnx', () => {
  test.each(CASES)('%s', async (_, fn, makeInputs) => {
    const inputs = makeInputs();
    const expected = traceOps(
      () => [fn(...inputs)].flat(),
      (record) => exercised.add(record.op),
    );
    const bytes = exportOnnx(fn, inputs);
    const names = inputs.length === 1 ? ['input'] : inputs.map((_, i) => `input_${i}`);
    const feeds = Object.fromEntries(names.map((name, i) => [name, inputs[i]]));
    expectSameOutputs(await runOnnxRuntime(bytes, feeds), expected);
    expectSameOutputs(importOnnx(bytes).run(inputs), expected);
  });

  afterAll(() => {
    // Fails when an exporter is added without a case above (and so never checked against onnxruntime).
    const untested = (Object.keys(OP_EXPORTERS) as OpName[]).filter((op) => !exercised.has(op));
    expect(untested).toEqual([]);
  });
});
