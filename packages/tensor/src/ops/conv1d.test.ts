import { describe, expect, test } from 'vitest';
import { ArgumentError, conv1d, ones, randn, ShapeError, type Tensor, tensor } from '../index';
import { expectAllClose } from '../testing';

/** Direct 1-D convolution in float64: y[b, o, i] = Σ_c Σ_t x[b, g·cg + c, i·s − left + t·d] · w[o, c, t]. */
function referenceConv1d(
  x: Tensor,
  w: Tensor,
  stride: number,
  [left, right]: [number, number],
  dilation: number,
  groups: number,
) {
  const [n, c, length] = x.shape;
  const [o, cg, k] = w.shape;
  const outLength = Math.floor((length + left + right - dilation * (k - 1) - 1) / stride) + 1;
  const [xs, ws] = [x.dataSync(), w.dataSync()];
  const y = new Float64Array(n * o * outLength);
  for (let b = 0; b < n; b++)
    for (let oc = 0; oc < o; oc++)
      for (let i = 0; i < outLength; i++) {
        const group = Math.floor(oc / (o / groups));
        let acc = 0;
        for (let ci = 0; ci < cg; ci++)
          for (let t = 0; t < k; t++) {
            const position = i * stride - left + t * dilation;
            if (position >= 0 && position < length)
              acc += xs[(b * c + group * cg + ci) * length + position] * ws[(oc * cg + ci) * k + t];
          }
        y[(b * o + oc) * outLength + i] = acc;
      }
  return { shape: [n, o, outLength], values: y };
}

describe('conv1d', () => {
  test.each([
    {
      name: 'defaults',
      x: [2, 3, 10],
      w: [4, 3, 3],
      stride: 1,
      padding: [0, 0] as [number, number],
      dilation: 1,
      groups: 1,
    },
    {
      name: 'stride 2, padding [1, 2]',
      x: [2, 3, 11],
      w: [2, 3, 4],
      stride: 2,
      padding: [1, 2] as [number, number],
      dilation: 1,
      groups: 1,
    },
    {
      name: 'dilation 3, groups 2',
      x: [1, 4, 15],
      w: [6, 2, 3],
      stride: 1,
      padding: [2, 2] as [number, number],
      dilation: 3,
      groups: 2,
    },
  ])('$name matches the direct loops', ({ x: xs, w: wShape, stride, padding, dilation, groups }) => {
    const x = randn(xs, { seed: 1, dtype: 'float64' });
    const w = randn(wShape, { seed: 2, dtype: 'float64' });
    const y = conv1d(x, w, { stride, padding, dilation, groups });
    const expected = referenceConv1d(x, w, stride, padding, dilation, groups);
    expect(y.shape).toEqual(expected.shape);
    expectAllClose(y, expected.values, { rtol: 1e-12, atol: 1e-12 });
  });

  test("'same' keeps the length (odd padding at the end), a number pads both ends, bias adds per channel", () => {
    const x = randn([1, 2, 9], { seed: 3, dtype: 'float64' });
    const w = randn([3, 2, 4], { seed: 4, dtype: 'float64' });
    expectAllClose(conv1d(x, w, { padding: 'same' }), referenceConv1d(x, w, 1, [1, 2], 1, 1).values, {
      rtol: 1e-12,
      atol: 1e-12,
    });
    expectAllClose(conv1d(x, w, { padding: 2 }), conv1d(x, w, { padding: [2, 2] }), { rtol: 0, atol: 0 });
    const biased = conv1d(ones([1, 1, 3]), ones([2, 1, 2]), { bias: tensor([10, 20]) });
    expect(biased.toArray()).toEqual([
      [
        [12, 12],
        [22, 22],
      ],
    ]);
  });

  test('errors name conv1d and the shapes', () => {
    expect(() => conv1d(ones([1, 3, 8, 8]), ones([4, 3, 3]))).toThrow(ShapeError);
    expect(() => conv1d(ones([1, 3, 8]), ones([4, 2, 3]))).toThrow(
      'conv1d: input channels differ from weight (x: [1, 3, 8], w: [4, 2, 3])',
    );
    expect(() => conv1d(ones([1, 3, 8]), ones([4, 1, 3]), { groups: 2 })).toThrow(
      /conv1d: groups 2 does not divide the input channels 3/,
    );
    expect(() => conv1d(ones([1, 3, 8]), ones([3, 1, 3]), { groups: -1 })).toThrow(ArgumentError);
    expect(() => conv1d(ones([1, 3, 4]), ones([4, 3, 5]))).toThrow(
      'conv1d: kernel is larger than the padded input (x: [1, 3, 4], w: [4, 3, 5])',
    );
  });
});
