import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ArgumentError, DTypeError, ones, tensor, topk } from '../index';

/** A small shape, an axis, k ≤ that axis' length, and values from a tiny range so ties are common. */
const inputArb = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
  fc.integer({ min: -shape.length, max: shape.length - 1 }).chain((axis) =>
    fc.record({
      shape: fc.constant(shape),
      axis: fc.constant(axis),
      k: fc.integer({ min: 0, max: shape.at(axis)! }),
      largest: fc.boolean(),
      values: fc.array(fc.integer({ min: -3, max: 3 }), {
        minLength: shape.reduce((p, d) => p * d, 1),
        maxLength: shape.reduce((p, d) => p * d, 1),
      }),
    }),
  ),
);

/** Each line along `axis` sorted by (value, index), keeping the first k. */
function referenceTopk(values: number[], shape: number[], axis: number, k: number, largest: boolean) {
  const n = shape[axis];
  const inner = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const outer = values.length / (n * inner);
  const outValues = new Array<number>(outer * k * inner);
  const outIndices = new Array<number>(outer * k * inner);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const line = Array.from({ length: n }, (_, j) => ({
        value: values[(o * n + j) * inner + i],
        index: j,
      }));
      line.sort((a, b) =>
        a.value === b.value ? a.index - b.index : largest ? b.value - a.value : a.value - b.value,
      );
      for (let t = 0; t < k; t++) {
        outValues[(o * k + t) * inner + i] = line[t].value;
        outIndices[(o * k + t) * inner + i] = line[t].index;
      }
    }
  return { values: outValues, indices: outIndices };
}

describe('topk', () => {
  test('matches sorting each line by (value, index) on random shapes with many ties', () => {
    fc.assert(
      fc.property(inputArb, ({ shape, axis, k, largest, values }) => {
        const normalized = axis < 0 ? axis + shape.length : axis;
        const expected = referenceTopk(values, shape, normalized, k, largest);
        const [v, i] = topk(tensor(values).reshape(shape), k, { axis, largest });
        expect(v.shape).toEqual(shape.map((d, a) => (a === normalized ? k : d)));
        expect(i.dtype).toBe('int32');
        expect(Array.from(v.dataSync())).toEqual(expected.values);
        expect(Array.from(i.dataSync())).toEqual(expected.indices);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  test('defaults to the largest along the last axis; int32 values keep their dtype', () => {
    const [values, indices] = topk(
      tensor(
        [
          [4, 9, 1],
          [7, 7, 8],
        ],
        { dtype: 'int32' },
      ),
      2,
    );
    expect(values.dtype).toBe('int32');
    expect(values.toArray()).toEqual([
      [9, 4],
      [8, 7],
    ]);
    expect(indices.toArray()).toEqual([
      [1, 0],
      [2, 0],
    ]);
    const [smallest, where] = tensor([
      [4, 9],
      [1, 7],
    ]).topk(1, { axis: 0, largest: false });
    expect([smallest.toArray(), where.toArray()]).toEqual([[[1, 7]], [[1, 1]]]);
  });

  test('NaN ranks above +∞ for largest and is left for last by smallest; −0 and 0 tie', () => {
    const x = tensor([Number.NaN, Infinity, -Infinity, 0, -0]);
    expect(Array.from(topk(x, 2)[1].dataSync())).toEqual([0, 1]);
    expect(Array.from(topk(x, 5, { largest: false })[1].dataSync())).toEqual([2, 3, 4, 1, 0]);
  });

  test('errors name the op, k and the axis length', () => {
    expect(() => topk(ones([2, 3]), 4)).toThrow(ArgumentError);
    expect(() => topk(ones([2, 3]), 4)).toThrow(
      'topk: k 4 is out of range for axis 1 of length 3 (x: [2, 3])',
    );
    expect(() => topk(ones([2, 3]), -1, { axis: 0 })).toThrow(/k -1 is out of range for axis 0 of length 2/);
    expect(() => topk(ones([2, 3]), 1.5)).toThrow(ArgumentError);
    expect(() => topk(ones([2, 3]), 1, { axis: 2 })).toThrow('topk: axis 2 is out of range for rank 2');
    expect(() => topk(tensor(3), 1)).toThrow(/topk: x must have at least one axis/);
    expect(() => topk(tensor([true]), 1)).toThrow(DTypeError);
  });
});
