import { describe, expect, test } from 'vitest';
import { arange, getOpDef, ones, runOp, slice, tensor } from '../index';

const error = (name: string, op: string, detail: string) =>
  expect.objectContaining({ name, op, message: expect.stringContaining(detail) });

describe('slice', () => {
  test('agrees with Array.prototype.slice for every start and stop with step 1', () => {
    for (let length = 0; length <= 4; length++) {
      const values = Array.from({ length }, (_, i) => i);
      const x = tensor(values);
      for (let start = -6; start <= 6; start++) {
        for (let stop = -6; stop <= 6; stop++) {
          expect(slice(x, [start], [stop]).toArray(), `[${start}:${stop}] of ${length}`).toEqual(
            values.slice(start, stop),
          );
        }
      }
    }
  });

  test('keeps unlisted axes whole and slices listed ones in any order', () => {
    const x = ones([4, 5, 6]);
    expect(slice(x, [1], [3]).shape).toEqual([2, 5, 6]);
    expect(slice(x, [0, 1], [-1, 4], { axes: [2, -3] }).shape).toEqual([3, 5, 5]);
    expect(slice(x, [-1], [Number.NEGATIVE_INFINITY], { axes: [1], steps: [-2] }).shape).toEqual([4, 3, 6]);
    expect(slice(ones([0, 3]), [0, 0], [Number.POSITIVE_INFINITY, 2]).shape).toEqual([0, 2]);
  });

  test('reads a 3-D block with mixed steps', () => {
    const x = arange(24).reshape([2, 3, 4]);
    const y = slice(x, [1, 2, 3], [Number.NEGATIVE_INFINITY, -4, 0], { steps: [-1, -2, -3] });
    expect(y.toArray()).toEqual([
      [[23], [15]],
      [[11], [3]],
    ]);
  });

  test('is a method of Tensor', () => {
    expect(tensor([1, 2, 3, 4]).slice([1], [3]).toArray()).toEqual([2, 3]);
  });

  test('rejects malformed bounds, steps and axes', () => {
    const x = ones([3, 3]);
    expect(() => slice(x, [0, 0], [1])).toThrow(error('ArgumentError', 'slice', 'one entry per sliced axis'));
    expect(() => slice(x, [0], [1], { steps: [0] })).toThrow(
      error('ArgumentError', 'slice', 'non-zero integer, got 0'),
    );
    expect(() => slice(x, [0.5], [1])).toThrow(error('ArgumentError', 'slice', 'start for axis 0'));
    expect(() => slice(x, [0], [Number.NaN])).toThrow(error('ArgumentError', 'slice', 'stop for axis 0'));
    expect(() => slice(x, [0, 0], [1, 1], { axes: [1, -1] })).toThrow(
      error('ArgumentError', 'slice', 'repeat axis 1'),
    );
    expect(() => slice(x, [0], [1], { axes: [2] })).toThrow(
      error('ArgumentError', 'slice', 'axis 2 is out of range'),
    );
    expect(() => slice(tensor(1), [0], [1])).toThrow(error('ArgumentError', 'slice', 'scalar'));
  });

  test('the primitive rejects attributes that would read outside the input', () => {
    const def = getOpDef('slice')!;
    const x = ones([4]);
    expect(() => runOp(def, [x], { begin: [2], step: [1], size: [3] })).toThrow(
      error('ArgumentError', 'slice', 'do not fit axis 0'),
    );
    expect(() => runOp(def, [x], { begin: [1], step: [-1], size: [3] })).toThrow(
      error('ArgumentError', 'slice', 'do not fit axis 0'),
    );
    expect(() => runOp(def, [x], { begin: [0], step: [1], size: [] })).toThrow(
      error('ArgumentError', 'slice', 'need 1 entries'),
    );
    expect(runOp(def, [x], { begin: [3], step: [-1], size: [4] })[0].shape).toEqual([4]);
  });
});
