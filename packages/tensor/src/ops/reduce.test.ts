import { describe, expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { getOpDef } from '../op-registry';
import type { Tensor } from '../tensor';
import { expectNagareError } from '../test-helpers';
import * as nt from './all';
import { ones, tensor } from './creation';

type Reduction = (x: Tensor, axis?: number | number[]) => Tensor;

// Every reduction names itself when an axis is out of range, even the composite ones.
const REDUCTIONS: [string, Reduction][] = [
  ['sum', nt.sum],
  ['prod', nt.prod],
  ['max', nt.max],
  ['min', nt.min],
  ['mean', nt.mean],
  ['logsumexp', nt.logsumexp],
  ['variance', nt.variance],
  ['std', nt.std],
  ['all', nt.all],
  ['any', nt.any],
];

describe.each(REDUCTIONS)('%s', (op, reduce) => {
  const x = ones([2, 3]);

  test.each([2, -3, 0.5])('axis %s is an ArgumentError', (axis) => {
    expectNagareError(() => reduce(x, axis), ArgumentError, {
      op,
      code: 'INVALID_ARGUMENT',
      message: `${op}: axis ${axis} is out of range for rank 2`,
    });
  });

  test('a repeated axis is an ArgumentError', () => {
    expectNagareError(() => reduce(x, [0, -2]), ArgumentError, {
      op,
      code: 'INVALID_ARGUMENT',
      message: `${op}: axes [0, -2] repeat an axis`,
    });
  });

  test('a scalar has no axis 0', () => {
    expectNagareError(() => reduce(tensor(1), 0), ArgumentError, {
      op,
      code: 'INVALID_ARGUMENT',
      message: `${op}: axis 0 is out of range for rank 0`,
    });
  });

  test('output shapes with and without keepDims', () => {
    const y = ones([2, 3, 4]);
    expect(reduce(y).shape).toEqual([]);
    expect(reduce(y, [0, 2]).shape).toEqual([3]);
    const keep = reduce as (x: Tensor, axis: number[], options: { keepDims: boolean }) => Tensor;
    expect(keep(y, [0, 2], { keepDims: true }).shape).toEqual([1, 3, 1]);
  });
});

describe.each([
  ['argmax', nt.argmax],
  ['argmin', nt.argmin],
] as const)('%s', (op, reduce) => {
  test('an out-of-range axis is an ArgumentError', () => {
    expectNagareError(() => reduce(ones([2, 3]), -3), ArgumentError, {
      op,
      code: 'INVALID_ARGUMENT',
      message: `${op}: axis -3 is out of range for rank 2`,
    });
  });

  test('an empty axis has no index: ArgumentError', () => {
    expectNagareError(() => reduce(ones([2, 0]), 1), ArgumentError, {
      op,
      code: 'INVALID_ARGUMENT',
      message: `${op}: axis 1 has length 0, so there is no index to return (x: [2, 0])`,
    });
    expectNagareError(() => reduce(ones([0])), ArgumentError, { op, code: 'INVALID_ARGUMENT' });
  });

  test('bool input is a DTypeError', () => {
    expectNagareError(() => reduce(tensor([true])), DTypeError, {
      op,
      code: 'DTYPE_MISMATCH',
      message: `${op}: expected a numeric input (x: bool)`,
    });
  });

  test('a scalar without an axis gives index 0', () => {
    expect(reduce(tensor(5)).item()).toBe(0);
  });
});

test('infer rejects bad axes from a direct runOp caller', () => {
  const def = getOpDef('sum');
  expect(() =>
    def?.infer([{ shape: [2], dtype: 'float32' }], { axes: [1], keepDims: false } as never),
  ).toThrow('sum: axis 1 is out of range for rank 1');
});

test('methods call the free functions', () => {
  const x = tensor([
    [1, 5],
    [7, 2],
  ]);
  expect(x.sum(0).toArray()).toEqual([8, 7]);
  expect(x.mean(1, { keepDims: true }).toArray()).toEqual([[3], [4.5]]);
  expect(x.max().item()).toBe(7);
  expect(x.min(1).toArray()).toEqual([1, 2]);
  expect(x.argmax(1).toArray()).toEqual([1, 0]);
  expect(x.argmin(0, { keepDims: true }).toArray()).toEqual([[0, 1]]);
  expect(tensor([1, 1]).argmax(0, { selectLastIndex: true }).item()).toBe(1);
  expect(x.prod(1).toArray()).toEqual([5, 14]);
  expect(x.logsumexp().item()).toBeCloseTo(nt.logsumexp(x).item(), 6);
  expect(x.variance(0, { correction: 0 }).toArray()).toEqual([9, 2.25]);
  expect(x.std(0, { correction: 0 }).toArray()).toEqual([3, 1.5]);
  expect(x.all().item()).toBe(1);
  expect(x.sub(1).any(1).toArray()).toEqual([true, true]);
});
