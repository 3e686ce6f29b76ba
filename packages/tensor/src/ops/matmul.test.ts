import { expect, test } from 'vitest';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import { expectNagareError } from '../test-helpers';
import { ones, tensor } from './creation';
import { matmul } from './matmul';

const shapeError = (a: number[], b: number[], message: string, options = {}) =>
  expectNagareError(() => matmul(ones(a), ones(b), options), ShapeError, {
    op: 'matmul',
    code: 'SHAPE_MISMATCH',
    message,
  });

test('inner dimensions that differ are a ShapeError with both shapes', () => {
  shapeError([2, 3], [4, 5], 'matmul: inner dimensions differ (a: [2, 3], b: [4, 5])');
  shapeError([3, 2], [4, 5], 'matmul: inner dimensions differ (a: [3, 2], b: [4, 5])', { transposeA: true });
  shapeError([2, 3], [3, 5], 'matmul: inner dimensions differ (a: [2, 3], b: [3, 5])', { transposeB: true });
});

test('1-D operands are reported with the caller’s shapes', () => {
  shapeError([3], [4], 'matmul: inner dimensions differ (a: [3], b: [4])');
  shapeError([3], [4, 2], 'matmul: inner dimensions differ (a: [3], b: [4, 2])');
  shapeError([2, 4], [3], 'matmul: inner dimensions differ (a: [2, 4], b: [3])');
});

test('batch axes that cannot broadcast are a ShapeError with the full shapes', () => {
  shapeError(
    [2, 2, 3],
    [3, 3, 2],
    'matmul: batch dimensions cannot be broadcast (a: [2, 2, 3], b: [3, 3, 2])',
  );
});

test('a scalar operand is a ShapeError', () => {
  expectNagareError(() => matmul(tensor(2), ones([2])), ShapeError, {
    op: 'matmul',
    code: 'SHAPE_MISMATCH',
    message: 'matmul: operands must have rank ≥ 1 (a: [], b: [2])',
  });
});

test('mixed or bool dtypes are a DTypeError', () => {
  expectNagareError(() => matmul(ones([2, 2], { dtype: 'int32' }), ones([2, 2])), DTypeError, {
    op: 'matmul',
    code: 'DTYPE_MISMATCH',
    message: 'matmul: expected two numeric inputs of one dtype (a: int32, b: float32)',
  });
  expectNagareError(() => matmul(ones([2], { dtype: 'bool' }), ones([2], { dtype: 'bool' })), DTypeError, {
    op: 'matmul',
    code: 'DTYPE_MISMATCH',
  });
});

test.each([
  [[2, 3], [3, 4], {}, [2, 4]],
  [[3, 2], [3, 4], { transposeA: true }, [2, 4]],
  [[2, 3], [4, 3], { transposeB: true }, [2, 4]],
  [[5, 2, 3], [3], {}, [5, 2]],
  [[3], [5, 3, 4], {}, [5, 4]],
  [[3], [3], {}, []],
  [[1, 2, 3], [7, 3, 4], {}, [7, 2, 4]],
  [[6, 1, 2, 3], [5, 3, 4], {}, [6, 5, 2, 4]],
  [[0, 3], [3, 2], {}, [0, 2]],
])('%j × %j (%j) has shape %j', (a, b, options, shape) => {
  expect(matmul(ones(a), ones(b), options).shape).toEqual(shape);
});

test('a.matmul(b) is matmul(a, b)', () => {
  const a = tensor([[1, 2]]);
  const b = tensor([[3], [4]]);
  expect(a.matmul(b).toArray()).toEqual([[11]]);
});
