import { describe, expect, test } from 'vitest';
import {
  ArgumentError,
  type Conv2dAttrs,
  conv1d,
  conv2d,
  type DType,
  DTypeError,
  maxPool2d,
  memory,
  ones,
  randn,
  ShapeError,
  sizeOf,
  type Tensor,
  tensor,
  zeros,
} from '../index';
import { expectAllClose } from '../testing';
import { convAttrs, convShape, forEachConvTap } from './__fixtures__/window2d-reference';

/** The textbook 7-loop convolution in float64: the oracle for the im2col kernel. */
function referenceConv2d(x: Tensor, w: Tensor, attrs: Conv2dAttrs) {
  const shape = convShape(x.shape, w.shape, attrs);
  const [xs, ws] = [x.dataSync(), w.dataSync()];
  const y = new Float64Array(sizeOf(shape));
  forEachConvTap(x.shape, w.shape, attrs, (yIndex, xIndex, wIndex) => {
    y[yIndex] += xs[xIndex] * ws[wIndex];
  });
  return { shape, values: y };
}

interface Config {
  name: string;
  x: number[];
  w: number[];
  attrs: Partial<Conv2dAttrs>;
}

const CONFIGS: Config[] = [
  { name: 'defaults', x: [2, 3, 7, 6], w: [4, 3, 3, 2], attrs: {} },
  {
    name: 'stride [2, 3], asymmetric padding',
    x: [2, 3, 9, 10],
    w: [4, 3, 3, 3],
    attrs: { stride: [2, 3], padding: [1, 2, 0, 1] },
  },
  {
    name: 'dilation [2, 1], padding 2',
    x: [1, 2, 8, 8],
    w: [3, 2, 3, 3],
    attrs: { dilation: [2, 1], padding: [2, 2, 2, 2] },
  },
  {
    name: 'groups 2, stride 2, padding 1',
    x: [2, 4, 6, 6],
    w: [6, 2, 3, 3],
    attrs: { groups: 2, stride: [2, 2], padding: [1, 1, 1, 1] },
  },
  { name: 'depthwise', x: [1, 3, 5, 5], w: [3, 1, 3, 3], attrs: { groups: 3, padding: [1, 1, 1, 1] } },
  {
    name: 'stride, padding, dilation and groups together',
    x: [2, 6, 11, 9],
    w: [6, 2, 3, 2],
    attrs: { stride: [2, 1], padding: [0, 1, 2, 1], dilation: [1, 2], groups: 3 },
  },
  { name: '1x1 kernel', x: [3, 5, 4, 4], w: [2, 5, 1, 1], attrs: {} },
  { name: 'kernel as large as the input', x: [1, 2, 3, 3], w: [2, 2, 3, 3], attrs: {} },
  {
    name: 'many output rows (the kernel works in row chunks)',
    x: [1, 8, 60, 40],
    w: [3, 8, 3, 3],
    attrs: { padding: [1, 1, 1, 1] },
  },
];

describe('conv2d matches the naive 7-loop reference', () => {
  const cases = CONFIGS.flatMap((config) => [
    { ...config, dtype: 'float64' as DType, tolerance: 1e-12 },
    { ...config, dtype: 'float32' as DType, tolerance: 1e-5 },
  ]);
  test.each(cases)('$name ($dtype)', ({ x: xShape, w: wShape, attrs, dtype, tolerance }) => {
    const x = randn(xShape, { seed: 1, dtype });
    const w = randn(wShape, { seed: 2, dtype });
    const a = convAttrs(attrs);
    const y = conv2d(x, w, a);
    const expected = referenceConv2d(x, w, a);
    expect(y.shape).toEqual(expected.shape);
    expect(y.dtype).toBe(dtype);
    expectAllClose(y, expected.values, { rtol: tolerance, atol: tolerance });
  });
});

describe('conv2d', () => {
  test('LeNet-5 shapes: 32x32 → conv5 → 28 → pool → 14 → conv5 → 10 → pool → 5 → conv5 → 1', () => {
    const x = randn([2, 1, 32, 32], { seed: 3 });
    const c1 = conv2d(x, randn([6, 1, 5, 5], { seed: 4 }), { bias: zeros([6]) });
    expect(c1.shape).toEqual([2, 6, 28, 28]);
    const s2 = maxPool2d(c1, { kernelSize: 2 });
    expect(s2.shape).toEqual([2, 6, 14, 14]);
    const c3 = conv2d(s2, randn([16, 6, 5, 5], { seed: 5 }));
    expect(c3.shape).toEqual([2, 16, 10, 10]);
    const c5 = conv2d(maxPool2d(c3, { kernelSize: 2 }), randn([120, 16, 5, 5], { seed: 6 }));
    expect(c5.shape).toEqual([2, 120, 1, 1]);
  });

  test('bias adds one value per output channel', () => {
    const x = randn([2, 3, 5, 5], { seed: 7 });
    const w = randn([4, 3, 3, 3], { seed: 8 });
    const plain = conv2d(x, w).dataSync();
    const biased = conv2d(x, w, { bias: tensor([1, -2, 3, 0.5]) }).dataSync();
    for (let i = 0; i < plain.length; i++)
      expect(biased[i] - plain[i]).toBeCloseTo([1, -2, 3, 0.5][Math.floor(i / 9) % 4], 5);
  });

  test("padding 'same' gives ceil(H / stride) and pads the odd element at the end (ONNX SAME_UPPER)", () => {
    const x = randn([1, 2, 7, 8], { seed: 9, dtype: 'float64' });
    const w = randn([3, 2, 3, 3], { seed: 10, dtype: 'float64' });
    const same = conv2d(x, w, { padding: 'same', stride: 2 });
    // H: 4 outputs need (4 − 1)·2 + 3 − 7 = 2 rows → 1 + 1; W: (4 − 1)·2 + 3 − 8 = 1 column → 0 + 1.
    expect(same.shape).toEqual([1, 3, 4, 4]);
    expectAllClose(same, conv2d(x, w, { padding: [1, 1, 0, 1], stride: 2 }), { rtol: 0, atol: 0 });
    expect(conv2d(x, w, { padding: 'same', dilation: 2 }).shape).toEqual([1, 3, 7, 8]);
  });

  test("padding 'valid', a number and [height, width] expand to [top, bottom, left, right]", () => {
    const x = randn([1, 1, 6, 6], { seed: 11, dtype: 'float64' });
    const w = randn([1, 1, 3, 3], { seed: 12, dtype: 'float64' });
    expectAllClose(conv2d(x, w, { padding: 'valid' }), conv2d(x, w), { rtol: 0, atol: 0 });
    expectAllClose(conv2d(x, w, { padding: 2 }), conv2d(x, w, { padding: [2, 2, 2, 2] }), {
      rtol: 0,
      atol: 0,
    });
    expectAllClose(conv2d(x, w, { padding: [1, 2] }), conv2d(x, w, { padding: [1, 1, 2, 2] }), {
      rtol: 0,
      atol: 0,
    });
  });

  test('an empty batch gives an empty output of the right shape', () => {
    expect(conv2d(zeros([0, 3, 8, 8]), ones([4, 3, 3, 3])).shape).toEqual([0, 4, 6, 6]);
  });
});

describe('the network ops leave only their results alive', () => {
  const x = randn([1, 2, 6, 6], { seed: 13 });
  const [x1d, w, w1d, bias] = [x.reshape([1, 2, 36]), ones([3, 2, 3, 3]), ones([3, 2, 3]), ones([3])];
  const calls: [string, () => Tensor[]][] = [
    ['conv2d with a bias', () => [conv2d(x, w, { bias })]],
    ['conv1d with a bias', () => [conv1d(x1d, w1d, { bias })]],
    ['maxPool2d (drops the indices)', () => [maxPool2d(x, { kernelSize: 2 })]],
  ];
  test.each(calls)('%s', (_, call) => {
    const before = memory();
    const results = call();
    expect(memory().tensors).toBe(before.tensors + results.length);
    for (const t of results) t.dispose();
    expect(memory().bytes).toBe(before.bytes);
  });
});

describe('conv2d errors name the op, the argument and the shapes', () => {
  const x = ones([1, 3, 8, 8]);
  test('channel mismatch', () => {
    const run = () => conv2d(x, ones([4, 2, 3, 3]));
    expect(run).toThrow(ShapeError);
    expect(run).toThrow('conv2d: input channels differ from weight (x: [1, 3, 8, 8], w: [4, 2, 3, 3])');
  });
  test('groups that do not divide the channels', () => {
    expect(() => conv2d(x, ones([4, 1, 3, 3]), { groups: 2 })).toThrow(
      /conv2d: groups 2 does not divide the input channels 3/,
    );
    expect(() => conv2d(ones([1, 4, 8, 8]), ones([3, 2, 3, 3]), { groups: 2 })).toThrow(
      /groups 2 does not divide the output channels 3/,
    );
    expect(() => conv2d(x, ones([4, 3, 3, 3]), { groups: 0 })).toThrow(ArgumentError);
  });
  test('kernel larger than the padded input', () => {
    const run = () => conv2d(ones([1, 3, 4, 4]), ones([2, 3, 5, 5]), { padding: [0, 0, 1, 0] });
    expect(run).toThrow(ShapeError);
    expect(run).toThrow(/kernel \(extent 5x5 with dilation\) is larger than the padded input \(4x5\)/);
    expect(() => conv2d(ones([1, 3, 5, 5]), ones([2, 3, 3, 3]), { dilation: 3 })).toThrow(/extent 7x7/);
  });
  test('bad stride, dilation and padding values', () => {
    expect(() => conv2d(x, ones([4, 3, 3, 3]), { stride: 0 })).toThrow(
      /conv2d: stride must be a positive integer or a pair of them, got 0/,
    );
    expect(() => conv2d(x, ones([4, 3, 3, 3]), { dilation: [1, 1.5] })).toThrow(ArgumentError);
    expect(() => conv2d(x, ones([4, 3, 3, 3]), { padding: -1 })).toThrow(/conv2d: padding must be/);
    expect(() => conv2d(x, ones([4, 3, 3, 3]), { padding: [1, 1, 1] as unknown as number })).toThrow(
      ArgumentError,
    );
  });
  test('ranks, dtypes and bias', () => {
    expect(() => conv2d(ones([3, 8, 8]), ones([4, 3, 3, 3]))).toThrow(
      /conv2d: x must be a rank-4 \[N, C, H, W\] shape \(x: \[3, 8, 8\]\)/,
    );
    expect(() => conv2d(ones([1, 3, 8, 8], { dtype: 'int32' }), ones([4, 3, 3, 3]))).toThrow(DTypeError);
    expect(() => conv2d(x, ones([4, 3, 3, 3], { dtype: 'float64' }))).toThrow(
      /conv2d: expected float inputs of one dtype \(x: float32, w: float64\)/,
    );
    expect(() => conv2d(x, ones([4, 3, 3, 3]), { bias: ones([3]) })).toThrow(
      /bias must have shape \[O\].*bias: \[3\]/,
    );
    expect(() => conv2d(x, ones([4, 3, 3, 3]), { bias: ones([4], { dtype: 'float64' }) })).toThrow(
      DTypeError,
    );
  });
  test('errors carry the op and a stable code', () => {
    try {
      conv2d(x, ones([4, 2, 3, 3]));
    } catch (error) {
      expect(error).toMatchObject({
        op: 'conv2d',
        code: 'SHAPE_MISMATCH',
        shapes: { x: [1, 3, 8, 8], w: [4, 2, 3, 3] },
      });
    }
    expect.assertions(1);
  });
});
