import { OnnxDataType } from '@nagare/io';
import { tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { compareWithExpected, coordinatesOf } from './compare';

const float = (dims: number[], values: number[]) => ({
  name: 'y',
  dataType: OnnxDataType.FLOAT,
  dims,
  values: Float32Array.from(values),
});

describe('compareWithExpected', () => {
  test('accepts differences within atol + rtol·|expected| and rejects larger ones', () => {
    expect(compareWithExpected(tensor([1000.9, 2]), float([2], [1000, 2]))).toBeNull();
    expect(compareWithExpected(tensor([1001.2, 2]), float([2], [1000, 2]))).toBe(
      'first mismatch at [0]: got 1001.2, want 1000',
    );
  });

  test('near zero only atol = 1e-7 applies', () => {
    expect(compareWithExpected(tensor([5e-8]), float([1], [0]))).toBeNull();
    expect(compareWithExpected(tensor([2e-7]), float([1], [0]))).toMatch(/first mismatch at \[0\]/);
  });

  test('NaN matches NaN and infinities must match exactly', () => {
    expect(
      compareWithExpected(tensor([Number.NaN, -Infinity]), float([2], [Number.NaN, -Infinity])),
    ).toBeNull();
    expect(compareWithExpected(tensor([1, Infinity]), float([2], [1, -Infinity]))).toBe(
      'first mismatch at [1]: got Infinity, want -Infinity',
    );
    expect(compareWithExpected(tensor([0]), float([1], [Number.NaN]))).toBe(
      'first mismatch at [0]: got 0, want NaN',
    );
  });

  test('reports the first mismatch as row-major coordinates', () => {
    expect(
      compareWithExpected(
        tensor([
          [1, 2, 3],
          [4, 5, 7],
        ]),
        float([2, 3], [1, 2, 3, 4, 5, 6]),
      ),
    ).toBe('first mismatch at [1,2]: got 7, want 6');
    expect(coordinatesOf(23, [2, 3, 4])).toEqual([1, 2, 3]);
  });

  test('shapes and dtypes must match exactly', () => {
    expect(compareWithExpected(tensor([[1, 2]]), float([2], [1, 2]))).toBe('shape [1,2], want [2]');
    expect(compareWithExpected(tensor([1, 2], { dtype: 'float64' }), float([2], [1, 2]))).toBe(
      'dtype float64, want FLOAT (nagare float32)',
    );
  });

  test('an int32 result is compared as INT64 exactly, and must fit UINT8 for a UINT8 output', () => {
    const int64 = { name: 'i', dataType: OnnxDataType.INT64, dims: [2], values: new BigInt64Array([3n, 4n]) };
    expect(compareWithExpected(tensor([3, 4], { dtype: 'int32' }), int64)).toBeNull();
    expect(compareWithExpected(tensor([3, 5], { dtype: 'int32' }), int64)).toBe(
      'first mismatch at [1]: got 5, want 4',
    );
    const uint8 = { name: 'u', dataType: OnnxDataType.UINT8, dims: [1], values: new Uint8Array([4]) };
    expect(compareWithExpected(tensor([260], { dtype: 'int32' }), uint8)).toMatch(
      /value 260 at index 0 .* does not fit UINT8/,
    );
  });

  test('booleans compare exactly', () => {
    const bools = { name: 'b', dataType: OnnxDataType.BOOL, dims: [2], values: new Uint8Array([1, 0]) };
    expect(compareWithExpected(tensor([true, false]), bools)).toBeNull();
    expect(compareWithExpected(tensor([true, true]), bools)).toBe(
      'first mismatch at [1]: got true, want false',
    );
  });
});
