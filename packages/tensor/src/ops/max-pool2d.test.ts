import { describe, expect, test } from 'vitest';
import {
  ArgumentError,
  DTypeError,
  maxPool2d,
  maxPool2dBackward,
  maxPool2dWithIndices,
  ones,
  type Pool2dAttrs,
  randn,
  ShapeError,
  type Tensor,
  tensor,
} from '../index';
import { expectAllClose } from '../testing';
import { dot, poolAttrs, pooledShape, poolWindows } from './__fixtures__/window2d-reference';

/** Max pooling by definition: the first largest tap inside the input, and its in-plane index. */
function referenceMaxPool(x: Tensor, attrs: Pool2dAttrs) {
  const [, , h, w] = x.shape;
  const xs = x.dataSync();
  const values: number[] = [];
  const indices: number[] = [];
  for (const { plane, taps } of poolWindows(x.shape, attrs)) {
    let best = -Infinity;
    let bestIndex = -1;
    for (const [ih, iw] of taps) {
      if (ih < 0 || ih >= h || iw < 0 || iw >= w) continue;
      const v = xs[plane * h * w + ih * w + iw];
      if (bestIndex < 0 || v > best) [best, bestIndex] = [v, ih * w + iw];
    }
    values.push(best);
    indices.push(bestIndex);
  }
  return { shape: pooledShape(x.shape, attrs), values, indices };
}

const CONFIGS: { name: string; x: number[]; attrs: Pool2dAttrs }[] = [
  { name: '2x2', x: [2, 3, 8, 6], attrs: poolAttrs({ kernelSize: [2, 2] }) },
  {
    name: '3x3 stride 2 padding 1',
    x: [2, 2, 9, 7],
    attrs: poolAttrs({ kernelSize: [3, 3], stride: [2, 2], padding: [1, 1, 1, 1] }),
  },
  {
    name: 'asymmetric padding, stride 1',
    x: [1, 2, 5, 6],
    attrs: poolAttrs({ kernelSize: [3, 2], stride: [1, 1], padding: [0, 2, 1, 0] }),
  },
  {
    name: 'dilation [2, 1]',
    x: [1, 3, 9, 8],
    attrs: poolAttrs({ kernelSize: [2, 3], stride: [1, 2], padding: [1, 1, 1, 1], dilation: [2, 1] }),
  },
  {
    name: 'ceil mode',
    x: [1, 2, 8, 8],
    attrs: poolAttrs({ kernelSize: [3, 3], stride: [2, 2], ceilMode: true }),
  },
  {
    name: 'ceil mode with padding',
    x: [1, 2, 6, 7],
    attrs: poolAttrs({ kernelSize: [3, 3], stride: [2, 2], padding: [1, 1, 1, 1], ceilMode: true }),
  },
];

describe('maxPool2d', () => {
  test.each(CONFIGS)('$name: values and indices match the definition', ({ x: shape, attrs }) => {
    const x = randn(shape, { seed: 1, dtype: 'float64' });
    const [values, indices] = maxPool2dWithIndices(x, attrs);
    const expected = referenceMaxPool(x, attrs);
    expect(values.shape).toEqual(expected.shape);
    expect(indices.dtype).toBe('int32');
    expectAllClose(values, Float64Array.from(expected.values), { rtol: 0, atol: 0 });
    expect(Array.from(indices.dataSync())).toEqual(expected.indices);
  });

  test.each(CONFIGS)(
    '$name: maxPool2dBackward is the adjoint of gathering at the indices',
    ({ x: shape, attrs }) => {
      const x = randn(shape, { seed: 2, dtype: 'float64' });
      const [y, indices] = maxPool2dWithIndices(x, attrs);
      const dy = randn(y.shape, { seed: 3, dtype: 'float64' });
      const dx = maxPool2dBackward(dy, indices, x.shape, attrs);
      expect(dx.shape).toEqual(x.shape);
      expect(dot(x, dx)).toBeCloseTo(dot(y, dy), 10);
      // The direct scatter: each dy goes to the input position its window chose.
      const expected = new Float64Array(x.size);
      const plane = x.shape[2] * x.shape[3];
      const perPlane = y.shape[2] * y.shape[3];
      indices.dataSync().forEach((index, j) => {
        expected[Math.floor(j / perPlane) * plane + index] += dy.dataSync()[j];
      });
      expectAllClose(dx, expected, { rtol: 1e-12, atol: 1e-12 });
    },
  );

  test('stride defaults to the kernel size; the ONNX ceil case drops a window that would start in the padding', () => {
    expect(maxPool2d(ones([1, 1, 6, 6]), { kernelSize: 3 }).shape).toEqual([1, 1, 2, 2]);
    expect(
      maxPool2d(ones([1, 1, 2, 2]), { kernelSize: 3, stride: 3, padding: 1, ceilMode: true }).shape,
    ).toEqual([1, 1, 1, 1]);
    expect(maxPool2d(ones([1, 1, 5, 5]), { kernelSize: 3, stride: 2, padding: 'same' }).shape).toEqual([
      1, 1, 3, 3,
    ]);
  });

  test('NaN propagates, float32 and int32 inputs keep their dtype', () => {
    expect(
      maxPool2d(
        tensor([
          [
            [
              [1, Number.NaN],
              [3, 2],
            ],
          ],
        ]),
        { kernelSize: 2 },
      ).dataSync()[0],
    ).toBeNaN();
    const ints = maxPool2d(
      tensor(
        [
          [
            [
              [1, 7],
              [3, 2],
            ],
          ],
        ],
        { dtype: 'int32' },
      ),
      { kernelSize: 2 },
    );
    expect(ints.dtype).toBe('int32');
    expect(ints.toArray()).toEqual([[[[7]]]]);
  });

  test('overlapping windows that pick the same pixel add their gradients', () => {
    const attrs = poolAttrs({ kernelSize: [2, 2], stride: [1, 1] });
    const [, indices] = maxPool2dWithIndices(
      tensor([
        [
          [
            [0, 0, 0],
            [0, 9, 0],
            [0, 0, 0],
          ],
        ],
      ]),
      attrs,
    );
    expect(maxPool2dBackward(ones([1, 1, 2, 2]), indices, [1, 1, 3, 3], attrs).toArray()).toEqual([
      [
        [
          [0, 0, 0],
          [0, 4, 0],
          [0, 0, 0],
        ],
      ],
    ]);
  });

  test('a dilated window whose taps all miss the input gives −∞ and index −1, and no gradient', () => {
    // A one-row input, windows starting at rows −3..0 with taps 3 apart: the middle two miss it.
    const attrs = poolAttrs({ kernelSize: [2, 1], stride: [1, 1], dilation: [3, 1], padding: [3, 3, 0, 0] });
    const [values, indices] = maxPool2dWithIndices(tensor([[[[5]]]]), attrs);
    expect(Array.from(values.dataSync())).toEqual([5, -Infinity, -Infinity, 5]);
    expect(Array.from(indices.dataSync())).toEqual([0, -1, -1, 0]);
    const dy = tensor([1, 2, 3, 4]).reshape([1, 1, 4, 1]);
    expect(maxPool2dBackward(dy, indices, [1, 1, 1, 1], attrs).toArray()).toEqual([[[[5]]]]);
  });

  test('errors name the op and the shapes', () => {
    expect(() => maxPool2d(ones([1, 1, 4, 4]), {} as never)).toThrow(
      /maxPool2d: options.kernelSize is required/,
    );
    expect(() => maxPool2d(ones([1, 4, 4]), { kernelSize: 2 })).toThrow(ShapeError);
    expect(() => maxPool2d(ones([1, 1, 4, 4]), { kernelSize: 5 })).toThrow(
      'maxPool2d: window (extent 5x5) is larger than the padded input (4x4) (x: [1, 1, 4, 4])',
    );
    expect(() => maxPool2d(ones([1, 1, 4, 4]), { kernelSize: 2, padding: 2 })).toThrow(ArgumentError);
    expect(() => maxPool2d(ones([1, 1, 4, 4]), { kernelSize: [2, 0] })).toThrow(
      /kernelSize must be a positive integer/,
    );
    expect(() => maxPool2d(ones([1, 1, 4, 4], { dtype: 'bool' }), { kernelSize: 2 })).toThrow(DTypeError);
    const attrs = poolAttrs({ kernelSize: [2, 2] });
    const indices = ones([1, 1, 2, 2], { dtype: 'int32' });
    expect(() => maxPool2dBackward(ones([1, 1, 3, 2]), indices, [1, 1, 4, 4], attrs)).toThrow(
      /maxPool2dBackward: dy and indices differ/,
    );
    expect(() => maxPool2dBackward(ones([1, 1, 2, 2]), ones([1, 1, 2, 2]), [1, 1, 4, 4], attrs)).toThrow(
      DTypeError,
    );
    expect(() => maxPool2dBackward(ones([1, 1, 2, 2]), indices, [1, 1, 6, 6], attrs)).toThrow(
      'maxPool2dBackward: dy must have the pooled output shape [1, 1, 3, 3] (dy: [1, 1, 2, 2], inputShape: [1, 1, 6, 6])',
    );
  });
});
