import { expect, test } from 'vitest';
import { ArgumentError } from './errors/argument-error';
import { ShapeError } from './errors/shape-error';
import {
  broadcastShapes,
  broadcastStrides,
  checkShape,
  normalizeAxes,
  normalizeAxis,
  shapesEqual,
  sizeOf,
  stridesOf,
} from './shape';
import { expectNagareError } from './test-helpers';
import { allocArray, bytesPerElement, isFloat, promoteTypes, toFloat } from './types';

test('sizeOf, stridesOf and shapesEqual', () => {
  expect(sizeOf([])).toBe(1);
  expect(sizeOf([2, 3, 4])).toBe(24);
  expect(sizeOf([2, 0])).toBe(0);
  expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
  expect(stridesOf([])).toEqual([]);
  expect(shapesEqual([2, 3], [2, 3])).toBe(true);
  expect(shapesEqual([2, 3], [3, 2])).toBe(false);
  expect(shapesEqual([1], [])).toBe(false);
});

test('normalizeAxis wraps negative axes and rejects the rest, naming the op', () => {
  expect(normalizeAxis('sum', -1, 3)).toBe(2);
  expect(normalizeAxis('sum', 0, 3)).toBe(0);
  for (const axis of [3, -4, 1.5, Number.NaN]) {
    expectNagareError(() => normalizeAxis('sum', axis, 3), ArgumentError, {
      op: 'sum',
      code: 'INVALID_ARGUMENT',
      message: `sum: axis ${axis} is out of range for rank 3`,
    });
  }
  expect(() => normalizeAxis('sum', 0, 0)).toThrow('sum: axis 0 is out of range for rank 0');
});

test('normalizeAxes sorts, defaults to every axis and rejects repeats', () => {
  expect(normalizeAxes('max', undefined, 3)).toEqual([0, 1, 2]);
  expect(normalizeAxes('max', [-1, 0], 3)).toEqual([0, 2]);
  expect(normalizeAxes('max', 1, 3)).toEqual([1]);
  expect(normalizeAxes('max', [], 3)).toEqual([]);
  expect(() => normalizeAxes('max', [1, -2], 3)).toThrow('max: axes [1, -2] repeat an axis');
});

test('broadcastShapes follows NumPy and names both operands on failure', () => {
  expect(broadcastShapes('add', [2, 1, 3], [4, 1])).toEqual([2, 4, 3]);
  expect(broadcastShapes('add', [], [2, 2])).toEqual([2, 2]);
  expect(broadcastShapes('add', [0, 1], [1, 5])).toEqual([0, 5]);
  expectNagareError(() => broadcastShapes('mul', [2, 3], [3, 2], ['x', 'y']), ShapeError, {
    op: 'mul',
    code: 'SHAPE_MISMATCH',
    message: 'mul: shapes cannot be broadcast (x: [2, 3], y: [3, 2])',
  });
});

test('broadcastStrides gives stride 0 on broadcast axes', () => {
  expect(broadcastStrides([3, 1], [2, 3, 4])).toEqual([0, 1, 0]);
  expect(broadcastStrides([2, 3], [2, 3])).toEqual([3, 1]);
});

test('checkShape accepts non-negative integers only', () => {
  expect(checkShape('zeros', [2, 0])).toEqual([2, 0]);
  expect(() => checkShape('zeros', [2, -1])).toThrow('zeros: invalid shape [2, -1]');
  expect(() => checkShape('zeros', [Number.NaN])).toThrow(ArgumentError);
});

test('dtype helpers', () => {
  expect(promoteTypes('int32', 'float32')).toBe('float32');
  expect(promoteTypes('float64', 'bool')).toBe('float64');
  expect(promoteTypes('bool', 'bool')).toBe('bool');
  expect(toFloat('int32')).toBe('float32');
  expect(toFloat('float64')).toBe('float64');
  expect(isFloat('float32')).toBe(true);
  expect(isFloat('int32')).toBe(false);
  expect([
    bytesPerElement('float64'),
    bytesPerElement('float32'),
    bytesPerElement('int32'),
    bytesPerElement('bool'),
  ]).toEqual([8, 4, 4, 1]);
  expect(allocArray('bool', 3)).toEqual(new Uint8Array(3));
});
