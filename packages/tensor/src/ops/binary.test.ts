import { describe, expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import type { Tensor } from '../tensor';
import { expectNagareError } from '../test-helpers';
import * as nt from './all';
import { BINARY_KINDS, type BinaryOpName } from './binary';
import { ones, tensor } from './creation';

// Every public op function by name, to look up each binary op of the table.
const OPS_BY_NAME: Record<string, unknown> = nt;

describe.each(Object.keys(BINARY_KINDS) as BinaryOpName[])('%s', (name) => {
  const op = OPS_BY_NAME[name] as (a: Tensor | number, b: Tensor | number) => Tensor;

  test('shapes that cannot broadcast are a ShapeError naming both', () => {
    expectNagareError(() => op(ones([2, 3]), ones([4])), ShapeError, {
      op: name,
      code: 'SHAPE_MISMATCH',
      message: `${name}: shapes cannot be broadcast (a: [2, 3], b: [4])`,
    });
  });

  test('an operand that is neither a tensor nor a number is an ArgumentError', () => {
    expectNagareError(() => op(ones([2]), '1' as unknown as number), ArgumentError, {
      op: name,
      code: 'INVALID_ARGUMENT',
      message: `${name}: b must be a Tensor or a number, got string`,
    });
  });

  test('broadcasts to the NumPy shape', () => {
    expect(op(ones([4, 1, 3]), ones([2, 1])).shape).toEqual([4, 2, 3]);
    expect(op(ones([]), ones([0, 2])).shape).toEqual([0, 2]);
  });
});

describe('where', () => {
  test('a non-bool condition is a DTypeError', () => {
    expectNagareError(() => nt.where(ones([2]), ones([2]), ones([2])), DTypeError, {
      op: 'where',
      code: 'DTYPE_MISMATCH',
      message: 'where: condition must be bool (condition: float32)',
    });
  });

  test('branches of different dtypes are a DTypeError', () => {
    expectNagareError(() => nt.where(tensor([true]), ones([1], { dtype: 'int32' }), ones([1])), DTypeError, {
      op: 'where',
      code: 'DTYPE_MISMATCH',
      message: 'where: a and b must have the same dtype (a: int32, b: float32)',
    });
  });

  test('a condition that cannot broadcast is a ShapeError', () => {
    expectNagareError(() => nt.where(tensor([true, false, true]), ones([2]), ones([2])), ShapeError, {
      op: 'where',
      code: 'SHAPE_MISMATCH',
      message: 'where: shapes cannot be broadcast (condition: [3], a∘b: [2])',
    });
  });
});

test('methods call the free functions', () => {
  const a = tensor([1, 4]);
  const b = tensor([2, 2]);
  const pairs: [Tensor, Tensor][] = [
    [a.add(b), nt.add(a, b)],
    [a.sub(b), nt.sub(a, b)],
    [a.mul(b), nt.mul(a, b)],
    [a.div(b), nt.div(a, b)],
    [a.pow(b), nt.pow(a, b)],
    [a.maximum(b), nt.maximum(a, b)],
    [a.minimum(b), nt.minimum(a, b)],
    [a.eq(b), nt.eq(a, b)],
    [a.ne(b), nt.ne(a, b)],
    [a.lt(b), nt.lt(a, b)],
    [a.le(b), nt.le(a, b)],
    [a.gt(b), nt.gt(a, b)],
    [a.ge(b), nt.ge(a, b)],
  ];
  for (const [method, free] of pairs) expect(method.toArray()).toEqual(free.toArray());
  expect(a.add(1).toArray()).toEqual([2, 5]);
});
