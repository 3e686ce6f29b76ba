import { ArgumentError, pad, randn, ShapeError, type Tensor, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { Conv1d } from './conv1d';
import { Conv2d } from './conv2d';

/** Direct-loop cross-correlation (PyTorch's conv2d), written independently of the kernels. */
function naiveConv2d(
  x: Tensor,
  w: Tensor,
  b: Tensor | null,
  { stride = [1, 1], padding = [0, 0, 0, 0], dilation = [1, 1], groups = 1 } = {},
): number[][][][] {
  const [n, c, h, wd] = x.shape;
  const [o, cg, kh, kw] = w.shape;
  const xv = x.dataSync();
  const wv = w.dataSync();
  const bv = b?.dataSync();
  const outH = Math.floor((h + padding[0] + padding[1] - dilation[0] * (kh - 1) - 1) / stride[0]) + 1;
  const outW = Math.floor((wd + padding[2] + padding[3] - dilation[1] * (kw - 1) - 1) / stride[1]) + 1;
  const perGroup = o / groups;
  return Array.from({ length: n }, (_, ni) =>
    Array.from({ length: o }, (_, oi) =>
      Array.from({ length: outH }, (_, yi) =>
        Array.from({ length: outW }, (_, xi) => {
          let total = bv ? bv[oi] : 0;
          const group = Math.floor(oi / perGroup);
          for (let ci = 0; ci < cg; ci++) {
            for (let ky = 0; ky < kh; ky++) {
              for (let kx = 0; kx < kw; kx++) {
                const row = yi * stride[0] - padding[0] + ky * dilation[0];
                const col = xi * stride[1] - padding[2] + kx * dilation[1];
                if (row < 0 || row >= h || col < 0 || col >= wd) continue;
                const channel = group * cg + ci;
                total +=
                  xv[((ni * c + channel) * h + row) * wd + col] * wv[((oi * cg + ci) * kh + ky) * kw + kx];
              }
            }
          }
          return total;
        }),
      ),
    ),
  );
}

describeBackends('Conv2d', () => {
  test.each([
    { name: 'plain 3×3', options: {}, expected: { padding: [0, 0, 0, 0] } },
    {
      name: 'stride 2, padding 1',
      options: { stride: 2, padding: 1 },
      expected: { stride: [2, 2], padding: [1, 1, 1, 1] },
    },
    {
      name: 'dilation 2',
      options: { dilation: 2, padding: 2 },
      expected: { dilation: [2, 2], padding: [2, 2, 2, 2] },
    },
    { name: 'groups 2, no bias', options: { groups: 2, bias: false }, expected: { groups: 2 } },
    { name: "'same'", options: { padding: 'same' as const }, expected: { padding: [1, 1, 1, 1] } },
  ])('$name matches a direct loop', ({ options, expected }) => {
    const conv = new Conv2d(4, 6, 3, { ...options, dtype: 'float64', seed: 1 });
    const x = randn([2, 4, 7, 6], { seed: 2, dtype: 'float64' });
    const y = conv.call(x);
    expectAllClose(y, naiveConv2d(x, conv.weight, conv.bias, expected), { rtol: 1e-12, atol: 1e-12 });
    conv.dispose();
  });

  test('weight shape, PyTorch default init bounds and parameter count', () => {
    const conv = new Conv2d(6, 16, 5, { seed: 0 });
    expect(conv.weight.shape).toEqual([16, 6, 5, 5]);
    expect(conv.numParameters()).toBe(16 * 6 * 25 + 16);
    const bound = 1 / Math.sqrt(6 * 25);
    for (const p of [conv.weight, conv.bias!])
      expect(Math.max(...Array.from(p.dataSync(), Math.abs))).toBeLessThanOrEqual(bound);
    const depthwise = new Conv2d(8, 8, [3, 1], { groups: 8 });
    expect(depthwise.weight.shape).toEqual([8, 1, 3, 1]);
    conv.dispose();
    depthwise.dispose();
  });

  test('non-zero padding modes pad with reflect, replicate and circular values', () => {
    const x = randn([1, 2, 5, 5], { seed: 4, dtype: 'float64' });
    for (const [mode, padMode] of [
      ['reflect', 'reflect'],
      ['replicate', 'edge'],
      ['circular', 'wrap'],
    ] as const) {
      const conv = new Conv2d(2, 3, 3, { padding: 'same', paddingMode: mode, dtype: 'float64', seed: 5 });
      const padded = pad(
        x,
        [
          [0, 0],
          [0, 0],
          [1, 1],
          [1, 1],
        ],
        { mode: padMode },
      );
      expectAllClose(conv.call(x), naiveConv2d(padded, conv.weight, conv.bias), { rtol: 1e-12, atol: 1e-12 });
      expect(conv.extraRepr()).toContain(`paddingMode=${mode}`);
      conv.dispose();
    }
  });

  test('accepts an unbatched [C, H, W] input', () => {
    const conv = new Conv2d(3, 4, 3, { padding: 1 });
    expect(conv.call(randn([3, 8, 8])).shape).toEqual([4, 8, 8]);
    conv.dispose();
  });

  test('rejects wrong channels, ranks and bad arguments', () => {
    const conv = new Conv2d(3, 4, 3);
    expect(() => conv.call(randn([1, 2, 8, 8]))).toThrow(ShapeError);
    expect(() => conv.call(randn([8, 8]))).toThrow(ShapeError);
    expect(() => new Conv2d(3, 4, 3, { groups: 2 })).toThrow(ArgumentError);
    expect(() => new Conv2d(3, 4, 0)).toThrow(ArgumentError);
    expect(() => new Conv2d(3, 4, 3, { paddingMode: 'mirror' as 'reflect' })).toThrow(ArgumentError);
    conv.dispose();
  });
});

describeBackends('Conv1d', () => {
  test('matches conv2d on a height-1 view, with stride, dilation and groups', () => {
    const conv = new Conv1d(4, 6, 3, {
      stride: 2,
      dilation: 2,
      padding: [1, 2],
      groups: 2,
      dtype: 'float64',
      seed: 7,
    });
    const x = randn([2, 4, 11], { seed: 8, dtype: 'float64' });
    const expected = naiveConv2d(x.reshape([2, 4, 1, 11]), conv.weight.reshape([6, 2, 1, 3]), conv.bias, {
      stride: [1, 2],
      dilation: [1, 2],
      padding: [0, 0, 1, 2],
      groups: 2,
    }).map((sample) => sample.map((channel) => channel[0]));
    expectAllClose(conv.call(x), expected, { rtol: 1e-12, atol: 1e-12 });
    conv.dispose();
  });

  test("'same' keeps the length; unbatched input; parameter count", () => {
    const conv = new Conv1d(2, 8, 5, { padding: 'same' });
    expect(conv.call(randn([4, 2, 100])).shape).toEqual([4, 8, 100]);
    expect(conv.call(randn([2, 30])).shape).toEqual([8, 30]);
    expect(conv.numParameters()).toBe(8 * 2 * 5 + 8);
    expect(() => conv.call(randn([4, 3, 10]))).toThrow(ShapeError);
    expect(() => new Conv1d(2, 8, 0)).toThrow(ArgumentError);
    conv.dispose();
  });

  test('bias values are as given', () => {
    const conv = new Conv1d(1, 1, 2);
    conv.loadStateDict({ weight: tensor([[[1, -1]]]), bias: tensor([10]) });
    expectAllClose(conv.call(tensor([[[1, 3, 2]]])), [[[8, 11]]]);
    conv.dispose();
  });
});
