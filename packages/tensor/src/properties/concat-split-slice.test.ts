import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { concat, gather, slice, split, stack, type Tensor, tensor, tidy } from '../index';
import { filledShapeArb, PROPERTY_PARAMETERS, shapeArb, unravel, valuesArb } from './arbitraries';

const product = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);
const fill = (shape: readonly number[], values: readonly number[]) =>
  tensor(Float32Array.from(values), { shape });

/** Parts that join along `axis`: equal lengths off the axis, random lengths (0 included) on it. */
const partsArb = shapeArb({ minRank: 1, maxRank: 4, maxDim: 3 }).chain((base) =>
  fc
    .record({
      axis: fc.integer({ min: 0, max: base.length - 1 }),
      lengths: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
    })
    .chain(({ axis, lengths }) => {
      const shapes = lengths.map((n) => base.map((d, a) => (a === axis ? n : d)));
      return fc
        .tuple(...shapes.map((s) => valuesArb(product(s))))
        .map((values) => ({ axis, shapes, values }));
    }),
);

/** Python's slice.indices: the positions a[start:stop:step] reads from an axis of length n. */
function naiveSlicePositions(start: number, stop: number, step: number, n: number): number[] {
  const bound = (v: number) => {
    if (v < 0) return Math.max(v + n, step < 0 ? -1 : 0);
    return Math.min(v, step < 0 ? n - 1 : n);
  };
  const [from, to] = [bound(start), bound(stop)];
  const positions: number[] = [];
  for (let i = from; step > 0 ? i < to : i > to; i += step) positions.push(i);
  return positions;
}

describe('concat, split and slice identities (property)', () => {
  test('split then concat along the same axis is the identity', () => {
    fc.assert(
      fc.property(partsArb, ({ axis, shapes, values }) =>
        tidy(() => {
          const x = concat(
            shapes.map((s, i) => fill(s, values[i])),
            axis,
          );
          const parts = split(
            x,
            shapes.map((s) => s[axis]),
            axis,
          );
          expect(concat(parts, axis).toArray()).toEqual(x.toArray());
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });

  test('slicing a concat returns each part; split returns them too', () => {
    fc.assert(
      fc.property(partsArb, ({ axis, shapes, values }) =>
        tidy(() => {
          const parts = shapes.map((s, i) => fill(s, values[i]));
          const joined = concat(parts, axis);
          const pieces = split(
            joined,
            shapes.map((s) => s[axis]),
            axis,
          );
          let start = 0;
          parts.forEach((part, i) => {
            const stop = start + shapes[i][axis];
            const cut: Tensor = slice(joined, [start], [stop], { axes: [axis] });
            expect(cut.shape).toEqual(shapes[i]);
            expect(Array.from(cut.dataSync())).toEqual(Array.from(part.dataSync()));
            expect(Array.from(pieces[i].dataSync())).toEqual(Array.from(part.dataSync()));
            start = stop;
          });
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });

  test('gathering index i of a stack returns the i-th input', () => {
    const stackArb = partsArb.chain(({ shapes, values, axis }) =>
      fc.integer({ min: 0, max: shapes[0].length }).map((newAxis) => ({
        newAxis,
        // stack needs equal shapes: reuse the first shape for every part.
        parts: values.map((_, i) => ({ shape: shapes[0], values: values[0].map((v) => v + i) })),
        axis,
      })),
    );
    fc.assert(
      fc.property(stackArb, ({ newAxis, parts }) =>
        tidy(() => {
          const stacked = stack(
            parts.map((p) => fill(p.shape, p.values)),
            newAxis,
          );
          parts.forEach((p, i) => {
            const taken = gather(stacked, tensor(i, { dtype: 'int32' }), newAxis);
            expect(taken.shape).toEqual(p.shape);
            expect(Array.from(taken.dataSync())).toEqual(Array.from(Float32Array.from(p.values)));
          });
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });

  test('slice reads exactly the positions of Python slicing on every axis', () => {
    const boundArb = fc.integer({ min: -6, max: 6 });
    const sliceArb = filledShapeArb({ minRank: 1, maxRank: 3, maxDim: 4 }).chain((x) =>
      fc
        .array(
          fc.tuple(
            boundArb,
            boundArb,
            fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0),
          ),
          {
            minLength: x.shape.length,
            maxLength: x.shape.length,
          },
        )
        .map((bounds) => ({ ...x, bounds })),
    );
    fc.assert(
      fc.property(sliceArb, ({ shape, values, bounds }) =>
        tidy(() => {
          const positions = bounds.map(([start, stop, step], a) =>
            naiveSlicePositions(start, stop, step, shape[a]),
          );
          const outShape = positions.map((p) => p.length);
          const strides = shape.map((_, a) => product(shape.slice(a + 1)));
          const expected = Array.from(
            { length: product(outShape) },
            (_, flat) =>
              values[
                unravel(flat, outShape).reduce((offset, i, a) => offset + positions[a][i] * strides[a], 0)
              ],
          );
          const y = slice(
            fill(shape, values),
            bounds.map((b) => b[0]),
            bounds.map((b) => b[1]),
            { steps: bounds.map((b) => b[2]) },
          );
          expect(y.shape).toEqual(outShape);
          expect(Array.from(y.dataSync())).toEqual(expected);
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });
});
