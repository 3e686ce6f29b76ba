import { describe, expect, test } from 'vitest';
import {
  type Conv2dAttrs,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  DTypeError,
  ones,
  randn,
  ShapeError,
  type Tensor,
} from '../index';
import { expectAllClose } from '../testing';
import { convAttrs, dot, forEachConvTap } from './__fixtures__/window2d-reference';

/**
 * Both gradients by the direct loops: every (output, tap) pair adds dy·w to dx and dy·x to dw.
 */
function referenceGradients(x: Tensor, w: Tensor, dy: Tensor, attrs: Conv2dAttrs) {
  const [xs, ws, dys] = [x.dataSync(), w.dataSync(), dy.dataSync()];
  const dx = new Float64Array(xs.length);
  const dw = new Float64Array(ws.length);
  forEachConvTap(x.shape, w.shape, attrs, (yIndex, xIndex, wIndex) => {
    dx[xIndex] += dys[yIndex] * ws[wIndex];
    dw[wIndex] += dys[yIndex] * xs[xIndex];
  });
  return { dx, dw };
}

const CONFIGS: { name: string; x: number[]; w: number[]; attrs: Conv2dAttrs }[] = [
  {
    name: 'plain',
    x: [2, 3, 6, 5],
    w: [4, 3, 3, 3],
    attrs: convAttrs({}),
  },
  {
    name: 'stride 2, padding 1',
    x: [2, 3, 7, 8],
    w: [2, 3, 3, 3],
    attrs: convAttrs({ stride: [2, 2], padding: [1, 1, 1, 1] }),
  },
  // Stride 3 over a 2x2 kernel: every third row and column of the input is read by no window.
  {
    name: 'stride 3 skips pixels',
    x: [1, 2, 11, 10],
    w: [3, 2, 2, 2],
    attrs: convAttrs({ stride: [3, 3] }),
  },
  {
    name: 'dilation and asymmetric padding',
    x: [1, 2, 9, 9],
    w: [2, 2, 3, 2],
    attrs: convAttrs({ stride: [1, 2], padding: [2, 0, 1, 3], dilation: [2, 3] }),
  },
  {
    name: 'groups 2',
    x: [2, 4, 6, 6],
    w: [6, 2, 3, 3],
    attrs: convAttrs({ stride: [2, 1], padding: [1, 1, 0, 0], groups: 2 }),
  },
  {
    name: 'depthwise',
    x: [1, 3, 5, 5],
    w: [3, 1, 3, 3],
    attrs: convAttrs({ padding: [1, 1, 1, 1], groups: 3 }),
  },
  {
    name: 'row chunks',
    x: [1, 8, 50, 40],
    w: [2, 8, 3, 3],
    attrs: convAttrs({ padding: [1, 1, 1, 1] }),
  },
];

describe('conv2d gradient kernels', () => {
  test.each(CONFIGS)(
    '$name: match the direct loops and satisfy ⟨conv2d(x, w), dy⟩ = ⟨x, dx⟩ = ⟨w, dw⟩',
    ({ x: xs, w: wShape, attrs }) => {
      const x = randn(xs, { seed: 1, dtype: 'float64' });
      const w = randn(wShape, { seed: 2, dtype: 'float64' });
      const y = conv2d(x, w, attrs);
      const dy = randn(y.shape, { seed: 3, dtype: 'float64' });
      const dx = conv2dBackpropInput(dy, w, x.shape, attrs);
      const dw = conv2dBackpropFilter(x, dy, w.shape, attrs);
      expect(dx.shape).toEqual(x.shape);
      expect(dw.shape).toEqual(w.shape);
      const reference = referenceGradients(x, w, dy, attrs);
      expectAllClose(dx, reference.dx, { rtol: 1e-12, atol: 1e-12 });
      expectAllClose(dw, reference.dw, { rtol: 1e-12, atol: 1e-12 });
      const forward = dot(y, dy);
      expect(dot(x, dx)).toBeCloseTo(forward, 10);
      expect(dot(w, dw)).toBeCloseTo(forward, 10);
    },
  );

  test('float32 agrees with float64', () => {
    const { x: xs, w: wShape, attrs } = CONFIGS[4];
    const x = randn(xs, { seed: 4 });
    const w = randn(wShape, { seed: 5 });
    const dy = randn(conv2d(x, w, attrs).shape, { seed: 6 });
    const x64 = x.cast('float64');
    const w64 = w.cast('float64');
    const dy64 = dy.cast('float64');
    expectAllClose(
      conv2dBackpropInput(dy, w, x.shape, attrs),
      conv2dBackpropInput(dy64, w64, x.shape, attrs),
      { rtol: 1e-5, atol: 1e-5 },
    );
    expectAllClose(
      conv2dBackpropFilter(x, dy, w.shape, attrs),
      conv2dBackpropFilter(x64, dy64, w.shape, attrs),
      { rtol: 1e-5, atol: 1e-5 },
    );
  });

  test('an empty batch gives a zero filter gradient', () => {
    const attrs = CONFIGS[0].attrs;
    expect(
      conv2dBackpropFilter(ones([0, 3, 6, 5]), ones([0, 4, 4, 3]), [4, 3, 3, 3], attrs)
        .dataSync()
        .every((v) => v === 0),
    ).toBe(true);
  });

  test('errors name the op and the shapes', () => {
    const attrs = CONFIGS[0].attrs;
    expect(() => conv2dBackpropInput(ones([1, 4, 4, 4]), ones([4, 3, 3, 3]), [1, 3, 6, 5], attrs)).toThrow(
      ShapeError,
    );
    expect(() => conv2dBackpropInput(ones([1, 4, 4, 4]), ones([4, 3, 3, 3]), [1, 3, 6, 5], attrs)).toThrow(
      "conv2dBackpropInput: dy must have conv2d's output shape [1, 4, 4, 3] (dy: [1, 4, 4, 4], x: [1, 3, 6, 5], w: [4, 3, 3, 3])",
    );
    expect(() => conv2dBackpropInput(ones([1, 4, 4, 3]), ones([4, 3, 3, 3]), [1, 3, 6], attrs)).toThrow(
      /conv2dBackpropInput: inputShape must be a rank-4 \[N, C, H, W\] shape \(inputShape: \[1, 3, 6\]\)/,
    );
    expect(() => conv2dBackpropFilter(ones([1, 3, 6, 5]), ones([1, 4, 4, 3]), [4, 2, 3, 3], attrs)).toThrow(
      /conv2dBackpropFilter: input channels differ from weight/,
    );
    expect(() =>
      conv2dBackpropFilter(ones([1, 3, 6, 5]), ones([1, 4, 4, 3], { dtype: 'float64' }), [4, 3, 3, 3], attrs),
    ).toThrow(DTypeError);
    expect(() =>
      conv2dBackpropInput(ones([1, 4, 4, 3]), ones([4, 3, 3, 3]), [1, 3, 6, 5], { ...attrs, stride: [0, 1] }),
    ).toThrow(/conv2dBackpropInput: stride must be two positive integers, got \[0, 1\]/);
  });
});
