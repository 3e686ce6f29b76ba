import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { flatten, reshape, tensor, tidy, transpose } from '../index';
import { filledShapeArb, naiveStrides, PROPERTY_PARAMETERS, permutationArb, unravel } from './arbitraries';

const withPermutationArb = filledShapeArb({ maxRank: 5, maxDim: 3 }).chain((x) =>
  fc.tuple(permutationArb(x.shape.length), permutationArb(x.shape.length)).map(([p, q]) => ({ ...x, p, q })),
);

/** The inverse permutation: inverse[p[i]] = i. */
function inverse(p: readonly number[]): number[] {
  const result = new Array<number>(p.length);
  p.forEach((axis, i) => {
    result[axis] = i;
  });
  return result;
}

describe('reshape and transpose (property)', () => {
  test('transpose by a permutation then by its inverse is the identity', () => {
    fc.assert(
      fc.property(withPermutationArb, ({ shape, values, p }) =>
        tidy(() => {
          const x = tensor(values, { shape });
          const y = transpose(transpose(x, p), inverse(p));
          expect(y.shape).toEqual(shape);
          expect(Array.from(y.dataSync())).toEqual(values);
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });

  test('transpose moves element x[i] to y[i permuted] (naive reference)', () => {
    fc.assert(
      fc.property(withPermutationArb, ({ shape, values, p }) =>
        tidy(() => {
          const y = transpose(tensor(values, { shape }), p);
          const outShape = p.map((axis) => shape[axis]);
          const inStrides = naiveStrides(shape);
          const expected = Array.from({ length: values.length }, (_, flat) => {
            const index = unravel(flat, outShape);
            return values[index.reduce((offset, v, i) => offset + v * inStrides[p[i]], 0)];
          });
          expect(y.shape).toEqual(outShape);
          expect(Array.from(y.dataSync())).toEqual(expected);
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });

  test('two transposes compose: transpose(transpose(x, p), q) = transpose(x, p∘q)', () => {
    fc.assert(
      fc.property(withPermutationArb, ({ shape, values, p, q }) =>
        tidy(() => {
          const x = tensor(values, { shape });
          const composed = q.map((axis) => p[axis]);
          expect(transpose(transpose(x, p), q).toArray()).toEqual(transpose(x, composed).toArray());
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });

  test('reshape keeps row-major order and reshaping back is the identity', () => {
    const regroupArb = filledShapeArb({ maxRank: 4, minDim: 1, maxDim: 4 }).chain((x) =>
      // Any split of the flat length into a prefix product and the rest is a valid target shape.
      fc.integer({ min: 0, max: x.shape.length }).map((cut) => {
        const head = x.shape.slice(0, cut).reduce((a, d) => a * d, 1);
        return { ...x, target: [head, -1] };
      }),
    );
    fc.assert(
      fc.property(regroupArb, ({ shape, values, target }) =>
        tidy(() => {
          const x = tensor(values, { shape });
          const y = reshape(x, target);
          expect(y.shape[0] * y.shape[1]).toBe(values.length);
          expect(Array.from(y.dataSync())).toEqual(values);
          expect(reshape(y, shape).toArray()).toEqual(x.toArray());
          expect(flatten(x).shape).toEqual([values.length]);
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });
});
