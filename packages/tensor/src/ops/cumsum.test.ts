import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ArgumentError, cumsum, DTypeError, ones, tensor } from '../index';
import { expectAllClose } from '../testing';

/** A small shape with an axis of it and float32-exact values to fill it. */
const inputArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    axis: fc.integer({ min: -shape.length, max: shape.length - 1 }),
    values: fc.array(
      fc.integer({ min: -50, max: 50 }).map((v) => v / 4),
      {
        minLength: shape.reduce((p, d) => p * d, 1),
        maxLength: shape.reduce((p, d) => p * d, 1),
      },
    ),
    exclusive: fc.boolean(),
    reverse: fc.boolean(),
  }),
);

/** The running sum by definition: out[.., i, ..] = Σ x[.., j, ..] over j ≤ i (j < i exclusive; ≥ when reversed). */
function referenceCumsum(
  values: number[],
  shape: number[],
  axis: number,
  exclusive: boolean,
  reverse: boolean,
) {
  const n = shape[axis];
  const inner = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  return values.map((_, flat) => {
    const i = Math.floor(flat / inner) % n;
    const lineStart = flat - i * inner;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const isIncluded = reverse ? (exclusive ? j > i : j >= i) : exclusive ? j < i : j <= i;
      if (isIncluded) total += values[lineStart + j * inner];
    }
    return total;
  });
}

describe('cumsum', () => {
  test('matches the definition on random shapes, axes and flags, in float32 and float64', () => {
    fc.assert(
      fc.property(inputArb, ({ shape, axis, values, exclusive, reverse }) => {
        const normalized = axis < 0 ? axis + shape.length : axis;
        const expected = referenceCumsum(values, shape, normalized, exclusive, reverse);
        for (const dtype of ['float32', 'float64'] as const) {
          const y = cumsum(tensor(values, { dtype }).reshape(shape), axis, { exclusive, reverse });
          expect(y.shape).toEqual(shape);
          expectAllClose(y, Float64Array.from(expected), { rtol: 0, atol: 0 });
        }
      }),
      { numRuns: 100, seed: 42 },
    );
  });

  test('float32 sums accumulate in float64', () => {
    // 1 + 2^-24·k is not representable step by step in float32, but the total is.
    const values = [1, ...Array(16).fill(2 ** -24)];
    expect(cumsum(tensor(values), 0).dataSync().at(-1)).toBe(Math.fround(1 + 16 * 2 ** -24));
  });

  test('int32 stays int32; empty axes give empty results', () => {
    const y = cumsum(
      tensor(
        [
          [1, 2],
          [3, 4],
        ],
        { dtype: 'int32' },
      ),
      0,
    );
    expect(y.dtype).toBe('int32');
    expect(y.toArray()).toEqual([
      [1, 2],
      [4, 6],
    ]);
    expect(cumsum(ones([2, 0]), 1).shape).toEqual([2, 0]);
  });

  test('is also a Tensor method', () => {
    expect(
      tensor([
        [1, 2],
        [3, 4],
      ])
        .cumsum(1, { reverse: true })
        .toArray(),
    ).toEqual([
      [3, 2],
      [7, 4],
    ]);
  });

  test('errors name the op and the argument', () => {
    expect(() => cumsum(ones([2, 3]), 2)).toThrow(ArgumentError);
    expect(() => cumsum(ones([2, 3]), 2)).toThrow('cumsum: axis 2 is out of range for rank 2');
    expect(() => cumsum(tensor([true, false]), 0)).toThrow(DTypeError);
  });
});
