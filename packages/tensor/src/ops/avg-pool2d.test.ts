import { describe, expect, test } from 'vitest';
import {
  type AvgPool2dAttrs,
  avgPool2d,
  avgPool2dBackward,
  DTypeError,
  ones,
  randn,
  ShapeError,
} from '../index';
import { expectAllClose } from '../testing';
import { dot, poolAttrs, pooledShape, poolWindows } from './__fixtures__/window2d-reference';

/**
 * Average pooling by definition, as a matrix: weights[j][i] is how much input i contributes to
 * output j. The forward pass multiplies by it, the backward pass by its transpose.
 */
function referenceAvgPool(shape: readonly number[], a: AvgPool2dAttrs) {
  const [, , h, w] = shape;
  const p = a.padding;
  const weights: Map<number, number>[] = [];
  for (const { plane, taps } of poolWindows(shape, a)) {
    const inside: number[] = [];
    let padded = 0;
    for (const [ih, iw] of taps) {
      // Taps in the padding count when countIncludePad; taps past it (ceil mode) never do.
      if (ih < h + p[1] && iw < w + p[3]) padded++;
      if (ih >= 0 && ih < h && iw >= 0 && iw < w) inside.push(plane * h * w + ih * w + iw);
    }
    const divisor = a.countIncludePad ? padded : inside.length;
    weights.push(new Map(inside.map((t) => [t, 1 / divisor])));
  }
  return { shape: pooledShape(shape, a), weights };
}

const attrsOf = (a: Partial<AvgPool2dAttrs> & { kernelSize: [number, number] }): AvgPool2dAttrs => ({
  ...poolAttrs(a),
  countIncludePad: a.countIncludePad ?? true,
});

const CONFIGS: { name: string; x: number[]; attrs: AvgPool2dAttrs }[] = [
  { name: '2x2', x: [2, 3, 8, 6], attrs: attrsOf({ kernelSize: [2, 2] }) },
  {
    name: '3x3 stride 2 padding 1, pad counted',
    x: [2, 2, 9, 7],
    attrs: attrsOf({ kernelSize: [3, 3], stride: [2, 2], padding: [1, 1, 1, 1] }),
  },
  {
    name: '3x3 stride 2 padding 1, pad not counted',
    x: [2, 2, 9, 7],
    attrs: attrsOf({ kernelSize: [3, 3], stride: [2, 2], padding: [1, 1, 1, 1], countIncludePad: false }),
  },
  {
    name: 'asymmetric padding',
    x: [1, 2, 5, 6],
    attrs: attrsOf({ kernelSize: [3, 2], stride: [1, 1], padding: [0, 2, 1, 0] }),
  },
  {
    name: 'dilation',
    x: [1, 2, 9, 8],
    attrs: attrsOf({ kernelSize: [2, 3], stride: [1, 2], padding: [1, 1, 1, 1], dilation: [2, 1] }),
  },
  {
    name: 'ceil mode with padding, pad counted',
    x: [1, 2, 6, 7],
    attrs: attrsOf({ kernelSize: [3, 3], stride: [2, 2], padding: [1, 1, 1, 1], ceilMode: true }),
  },
  {
    name: 'ceil mode with padding, pad not counted',
    x: [1, 2, 6, 7],
    attrs: attrsOf({
      kernelSize: [3, 3],
      stride: [2, 2],
      padding: [1, 1, 1, 1],
      ceilMode: true,
      countIncludePad: false,
    }),
  },
];

describe('avgPool2d', () => {
  test.each(CONFIGS)(
    '$name: forward and backward match the definition, ⟨avgPool2d(x), dy⟩ = ⟨x, dx⟩',
    ({ x: shape, attrs }) => {
      const x = randn(shape, { seed: 1, dtype: 'float64' });
      const { shape: outShape, weights } = referenceAvgPool(shape, attrs);
      const y = avgPool2d(x, attrs);
      expect(y.shape).toEqual(outShape);
      const xs = x.dataSync();
      const expectedY = weights.map((row) => [...row].reduce((acc, [i, weight]) => acc + weight * xs[i], 0));
      expectAllClose(y, Float64Array.from(expectedY), { rtol: 1e-12, atol: 1e-12 });

      const dy = randn(outShape, { seed: 2, dtype: 'float64' });
      const dx = avgPool2dBackward(dy, shape, attrs);
      const expectedDx = new Float64Array(x.size);
      weights.forEach((row, j) => {
        for (const [i, weight] of row) expectedDx[i] += weight * dy.dataSync()[j];
      });
      expectAllClose(dx, expectedDx, { rtol: 1e-12, atol: 1e-12 });
      expect(dot(x, dx)).toBeCloseTo(dot(y, dy), 10);
    },
  );

  test('countIncludePad defaults to true, as in PyTorch', () => {
    const x = ones([1, 1, 3, 3]);
    expect(avgPool2d(x, { kernelSize: 3, stride: 1, padding: 1 }).dataSync()[0]).toBeCloseTo(4 / 9, 6);
    expect(avgPool2d(x, { kernelSize: 3, stride: 1, padding: 1, countIncludePad: false }).dataSync()[0]).toBe(
      1,
    );
  });

  test('float32 agrees with float64', () => {
    const x = randn([2, 3, 7, 7], { seed: 3 });
    const options = { kernelSize: 3, stride: 2, padding: 1, ceilMode: true };
    expectAllClose(avgPool2d(x, options), avgPool2d(x.cast('float64'), options), { rtol: 1e-6, atol: 1e-6 });
  });

  test('errors name the op and the shapes', () => {
    expect(() => avgPool2d(ones([1, 1, 4, 4], { dtype: 'int32' }), { kernelSize: 2 })).toThrow(
      'avgPool2d: expected a float input (x: int32)',
    );
    expect(() => avgPool2d(ones([1, 1, 2, 2]), { kernelSize: 3 })).toThrow(ShapeError);
    expect(() => avgPool2d(ones([1, 1, 4, 4]), { kernelSize: 2, stride: 0 })).toThrow(
      /avgPool2d: stride must be/,
    );
    expect(() => avgPool2d(ones([1, 1, 4, 4]), { kernelSize: 3, padding: [0, 3, 0, 0] })).toThrow(
      /avgPool2d: padding \[0, 3, 0, 0\] must be smaller than the window extent 3x3 on every side/,
    );
    const attrs = attrsOf({ kernelSize: [2, 2] });
    expect(() => avgPool2dBackward(ones([1, 1, 3, 3]), [1, 1, 4, 4], attrs)).toThrow(
      'avgPool2dBackward: dy must have the pooled output shape [1, 1, 2, 2] (dy: [1, 1, 3, 3], inputShape: [1, 1, 4, 4])',
    );
    expect(() => avgPool2dBackward(ones([1, 1, 2, 2], { dtype: 'int32' }), [1, 1, 4, 4], attrs)).toThrow(
      DTypeError,
    );
  });
});
