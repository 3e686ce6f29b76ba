import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  argmax,
  argmin,
  type KeepDimsOptions,
  max,
  mean,
  min,
  prod,
  sum,
  type Tensor,
  tensor,
  tidy,
} from '../index';
import { expectAllClose } from '../testing';
import { filledShapeArb, naiveStrides, PROPERTY_PARAMETERS, unravel } from './arbitraries';

type Reduction = (x: Tensor, axis?: number | number[], options?: KeepDimsOptions) => Tensor;

/** Reduces `values` of `shape` over `axes` with `combine`, visiting elements in row-major order. */
function naiveReduce(
  shape: readonly number[],
  values: readonly number[],
  axes: readonly number[],
  identity: number,
  combine: (acc: number, v: number) => number,
): { shape: number[]; values: number[] } {
  const keptShape = shape.map((d, a) => (axes.includes(a) ? 1 : d));
  const outSize = keptShape.reduce((p, d) => p * d, 1);
  const acc = new Array<number>(outSize).fill(identity);
  values.forEach((v, flat) => {
    const index = unravel(flat, shape);
    const target = index.reduce((offset, i, a) => offset * keptShape[a] + (axes.includes(a) ? 0 : i), 0);
    acc[target] = combine(acc[target], v);
  });
  return { shape: keptShape, values: acc };
}

const NAN_AWARE = (pick: (a: number, b: number) => number) => (acc: number, v: number) =>
  Number.isNaN(acc) || Number.isNaN(v) ? Number.NaN : pick(acc, v);

const REDUCTIONS: [string, Reduction, number, (acc: number, v: number) => number][] = [
  ['sum', sum, 0, (acc, v) => acc + v],
  ['prod', prod, 1, (acc, v) => acc * v],
  ['max', max, Number.NEGATIVE_INFINITY, NAN_AWARE(Math.max)],
  ['min', min, Number.POSITIVE_INFINITY, NAN_AWARE(Math.min)],
];

/** An input, the axes to reduce (undefined = all; some given as negative numbers) and keepDims. */
const caseArb = filledShapeArb({ maxRank: 4, maxDim: 3 }, -2, 2).chain((x) => {
  // A scalar has no axis to list: only "every axis" applies.
  if (x.shape.length === 0) return fc.boolean().map((keepDims) => ({ ...x, axes: undefined, keepDims }));
  const axisListArb = fc
    .shuffledSubarray(
      x.shape.map((_, a) => a),
      { minLength: 1 },
    )
    .chain((axes) => fc.tuple(...axes.map((a) => fc.constantFrom(a, a - x.shape.length))));
  return fc
    .record({ axes: fc.option(axisListArb, { nil: undefined }), keepDims: fc.boolean() })
    .map((options) => ({ ...x, ...options }));
});

function expectedOf(
  shape: number[],
  values: number[],
  axes: number[] | undefined,
  keepDims: boolean,
  identity: number,
  combine: (a: number, v: number) => number,
) {
  const normalized =
    axes === undefined ? shape.map((_, a) => a) : axes.map((a) => (a < 0 ? a + shape.length : a));
  const reduced = naiveReduce(shape, values, normalized, identity, combine);
  const outShape = keepDims ? reduced.shape : shape.filter((_, a) => !normalized.includes(a));
  return {
    shape: outShape,
    values: reduced.values,
    count: shape.filter((_, a) => normalized.includes(a)).reduce((p, d) => p * d, 1),
  };
}

describe('reductions against a naive reference (property)', () => {
  for (const [name, reduce, identity, combine] of REDUCTIONS) {
    test(`${name} over random axes with keepDims`, () => {
      fc.assert(
        fc.property(caseArb, ({ shape, values, axes, keepDims }) =>
          tidy(() => {
            const y = reduce(tensor(values, { shape, dtype: 'float64' }), axes, { keepDims });
            const expected = expectedOf(shape, values, axes, keepDims, identity, combine);
            expect(y.shape).toEqual(expected.shape);
            expect(y.dtype).toBe('float64');
            expectAllClose(y, Float64Array.from(expected.values), { rtol: 1e-12, atol: 1e-12 });
          }),
        ),
        PROPERTY_PARAMETERS,
      );
    });
  }

  test('mean over random axes with keepDims is the sum divided by the count', () => {
    fc.assert(
      fc.property(caseArb, ({ shape, values, axes, keepDims }) =>
        tidy(() => {
          const y = mean(tensor(values, { shape, dtype: 'float64' }), axes, { keepDims });
          const expected = expectedOf(shape, values, axes, keepDims, 0, (acc, v) => acc + v);
          expect(y.shape).toEqual(expected.shape);
          // An empty reduction averages nothing: 0 / 0 = NaN, as NumPy.
          expectAllClose(
            y,
            Float64Array.from(expected.values, (v) => v / expected.count),
            { rtol: 1e-12, atol: 1e-12 },
          );
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });

  test('argmax and argmin pick the first extreme along the axis', () => {
    // Integers in [-2, 2], so ties are common.
    const argArb = filledShapeArb({ minRank: 1, maxRank: 3, minDim: 1, maxDim: 4 }, -2, 2).chain((x) =>
      fc
        .integer({ min: 0, max: x.shape.length - 1 })
        .map((axis) => ({ shape: x.shape, values: x.values.map(Math.round), axis })),
    );
    fc.assert(
      fc.property(argArb, ({ shape, values, axis }) =>
        tidy(() => {
          const x = tensor(values, { shape, dtype: 'float64' });
          const outShape = shape.filter((_, a) => a !== axis);
          const strides = naiveStrides(shape);
          const naive = (isBetter: (a: number, b: number) => boolean) =>
            Array.from({ length: outShape.reduce((p, d) => p * d, 1) }, (_, o) => {
              const index = unravel(o, outShape);
              index.splice(axis, 0, 0);
              const start = index.reduce((offset, v, a) => offset + v * strides[a], 0);
              const at = (k: number) => values[start + k * strides[axis]];
              let best = 0;
              for (let k = 1; k < shape[axis]; k++) if (isBetter(at(k), at(best))) best = k;
              return best;
            });
          expect(Array.from(argmax(x, axis).dataSync())).toEqual(naive((a, b) => a > b));
          expect(Array.from(argmin(x, axis).dataSync())).toEqual(naive((a, b) => a < b));
        }),
      ),
      { ...PROPERTY_PARAMETERS, numRuns: 120 },
    );
  });
});
