import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type PadMode, pad, slice, tensor, tidy } from '../index';
import { filledShapeArb, PROPERTY_PARAMETERS, unravel } from './arbitraries';

/** Where output position j (relative to the first input element) reads from, by the NumPy definitions; −1 = fill value. */
function naiveSource(mode: PadMode, j: number, n: number): number {
  if (j >= 0 && j < n) return j;
  if (mode === 'constant') return -1;
  if (mode === 'edge') return j < 0 ? 0 : n - 1;
  if (mode === 'wrap') return ((j % n) + n) % n;
  return j < 0 ? -j : 2 * (n - 1) - j;
}

const padArb = filledShapeArb({ minRank: 1, maxRank: 3, minDim: 1, maxDim: 4 }).chain((x) =>
  fc
    .record({
      pads: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
        minLength: x.shape.length,
        maxLength: x.shape.length,
      }),
      mode: fc.constantFrom<PadMode>('constant', 'reflect', 'edge', 'wrap'),
    })
    // Reflect mirrors without repeating the edge, so it can add at most length − 1 per side.
    .filter(
      ({ pads, mode }) => mode !== 'reflect' || pads.every(([b, a], axis) => Math.max(b, a) < x.shape[axis]),
    )
    .map((options) => ({ ...x, ...options })),
);

describe('pad (property)', () => {
  test('every mode matches a naive per-element reference, and slicing the padding off gives x back', () => {
    fc.assert(
      fc.property(padArb, ({ shape, values, pads, mode }) =>
        tidy(() => {
          const x = tensor(values, { shape });
          const padded = pad(x, pads, { mode, value: 42 });
          const outShape = shape.map((d, a) => d + pads[a][0] + pads[a][1]);
          const strides = shape.map((_, a) => shape.slice(a + 1).reduce((p, d) => p * d, 1));
          const expected = Array.from({ length: outShape.reduce((p, d) => p * d, 1) }, (_, flat) => {
            const sources = unravel(flat, outShape).map((i, a) =>
              naiveSource(mode, i - pads[a][0], shape[a]),
            );
            return sources.includes(-1)
              ? 42
              : values[sources.reduce((offset, s, a) => offset + s * strides[a], 0)];
          });
          expect(padded.shape).toEqual(outShape);
          expect(Array.from(padded.dataSync())).toEqual(expected);
          const inner = slice(
            padded,
            pads.map((p) => p[0]),
            pads.map((p, a) => p[0] + shape[a]),
          );
          expect(Array.from(inner.dataSync())).toEqual(values);
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });
});
