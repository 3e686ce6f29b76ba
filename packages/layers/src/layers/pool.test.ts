import { ArgumentError, arange, randn, ShapeError, type Tensor, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { AdaptiveAvgPool2d, AdaptiveMaxPool2d, adaptiveAvgPool2d, adaptiveMaxPool2d } from './adaptive-pool';
import { Flatten } from './flatten';
import { GlobalAvgPool } from './global-avg-pool';
import { AvgPool2d, MaxPool2d } from './pool2d';
import { SpatialPyramidPool } from './spatial-pyramid-pool';

/** Adaptive pooling by direct loops over PyTorch's bins [floor(i·n/o), ceil((i+1)·n/o)). */
function naiveAdaptive(
  x: Tensor,
  outH: number,
  outW: number,
  reduce: (values: number[]) => number,
): number[][][][] {
  const [n, c, h, w] = x.shape;
  const v = x.dataSync();
  const bin = (i: number, size: number, out: number) => [
    Math.floor((i * size) / out),
    Math.ceil(((i + 1) * size) / out),
  ];
  return Array.from({ length: n }, (_, ni) =>
    Array.from({ length: c }, (_, ci) =>
      Array.from({ length: outH }, (_, i) =>
        Array.from({ length: outW }, (_, j) => {
          const [r0, r1] = bin(i, h, outH);
          const [c0, c1] = bin(j, w, outW);
          const values: number[] = [];
          for (let r = r0; r < r1; r++)
            for (let col = c0; col < c1; col++) values.push(v[((ni * c + ci) * h + r) * w + col]);
          return reduce(values);
        }),
      ),
    ),
  );
}

const average = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const maximum = (values: number[]) => Math.max(...values);

describeBackends('pooling layers', () => {
  test('MaxPool2d and AvgPool2d pool 2×2 windows', () => {
    const x = arange(16, undefined, 1, { dtype: 'float32' }).reshape([1, 1, 4, 4]);
    expectAllClose(new MaxPool2d(2).call(x), [
      [
        [
          [5, 7],
          [13, 15],
        ],
      ],
    ]);
    expectAllClose(new AvgPool2d(2).call(x), [
      [
        [
          [2.5, 4.5],
          [10.5, 12.5],
        ],
      ],
    ]);
    expect(new MaxPool2d(3, { stride: 2, padding: 1 }).call(randn([2, 3, 28, 28])).shape).toEqual([
      2, 3, 14, 14,
    ]);
    expectAllClose(
      new AvgPool2d(3, { stride: 1, padding: 1, countIncludePad: false })
        .call(x)
        .reshape([16])
        .slice([0], [1]),
      [2.5],
    );
    expect(new MaxPool2d(2, { stride: 1 }).extraRepr()).toBe('kernelSize=2, stride=1');
  });

  test.each([
    { input: [2, 3, 7, 5], output: [3, 2] },
    { input: [1, 2, 6, 6], output: [3, 3] },
    { input: [1, 2, 5, 9], output: [1, 4] },
  ])('adaptive pooling $input → $output matches PyTorch bins', ({ input, output }) => {
    const x = randn(input, { seed: 1, dtype: 'float64' });
    expectAllClose(
      adaptiveAvgPool2d(x, [output[0], output[1]]),
      naiveAdaptive(x, output[0], output[1], average),
      { rtol: 1e-12 },
    );
    expectAllClose(
      adaptiveMaxPool2d(x, [output[0], output[1]]),
      naiveAdaptive(x, output[0], output[1], maximum),
    );
  });

  test('adaptive layers accept one size or null to keep an axis', () => {
    const x = randn([1, 4, 13, 9], { seed: 2 });
    expect(new AdaptiveAvgPool2d(1).call(x).shape).toEqual([1, 4, 1, 1]);
    expect(new AdaptiveMaxPool2d([6, null]).call(x).shape).toEqual([1, 4, 6, 9]);
    expect(() => adaptiveAvgPool2d(x, 0)).toThrow(ArgumentError);
    expect(() => adaptiveAvgPool2d(randn([4, 9, 9]), 2)).toThrow(ShapeError);
  });

  test('GlobalAvgPool averages every spatial axis to [N, C]', () => {
    const x = randn([2, 3, 4, 5], { seed: 3, dtype: 'float64' });
    const expected = naiveAdaptive(x, 1, 1, average).map((s) => s.map((c) => c[0][0]));
    expectAllClose(new GlobalAvgPool().call(x), expected, { rtol: 1e-12 });
    expect(new GlobalAvgPool().call(randn([2, 3, 10])).shape).toEqual([2, 3]);
    expect(() => new GlobalAvgPool().call(randn([2, 3]))).toThrow(ShapeError);
  });

  test('SpatialPyramidPool concatenates every level into [N, C·Σn²] for any input size', () => {
    const spp = new SpatialPyramidPool([1, 2, 4]);
    expect(spp.binsPerChannel).toBe(21);
    for (const size of [
      [13, 17],
      [8, 8],
      [5, 4],
    ])
      expect(spp.call(randn([2, 16, ...size])).shape).toEqual([2, 336]);
    const x = randn([1, 2, 5, 7], { seed: 4 });
    const y = new SpatialPyramidPool([1, 2]).call(x);
    const flat = (levels: number[][][][]) => levels[0].flatMap((channel) => channel.flat());
    expectAllClose(y, [[...flat(naiveAdaptive(x, 1, 1, maximum)), ...flat(naiveAdaptive(x, 2, 2, maximum))]]);
    const averaged = new SpatialPyramidPool([2], { mode: 'avg' }).call(x);
    expectAllClose(averaged, [flat(naiveAdaptive(x, 2, 2, average))], { rtol: 1e-5 });
    expect(() => new SpatialPyramidPool([])).toThrow(ArgumentError);
    expect(() => new SpatialPyramidPool([1], { mode: 'sum' as 'max' })).toThrow(ArgumentError);
  });

  test('Flatten keeps the batch axis by default', () => {
    expect(new Flatten().call(randn([8, 16, 5, 5])).shape).toEqual([8, 400]);
    expect(new Flatten(0, 1).call(randn([2, 3, 4])).shape).toEqual([6, 4]);
    const x = tensor([[[1, 2]], [[3, 4]]]);
    expect(new Flatten().call(x).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
