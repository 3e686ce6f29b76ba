import { ArgumentError } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { TensorDataset } from './tensor-dataset';

describe('TensorDataset with compact columns', () => {
  const bytes = () =>
    TensorDataset.fromColumns([
      { values: Uint8Array.from([0, 255, 51, 102]), shape: [2, 2], dtype: 'float32', divisor: 255 },
      { values: Uint8Array.from([7, 9]), shape: [2], dtype: 'int32' },
    ]);

  test('getBatch converts only the gathered rows: bytes ÷ divisor to float32, uint8 labels to int32', () => {
    const [x, y] = bytes().getBatch([1, 0]);
    expect(x.dtype).toBe('float32');
    expect(x.dataSync()).toEqual(Float32Array.from([51 / 255, 102 / 255, 0, 1]));
    expect(y.dtype).toBe('int32');
    expect(y.dataSync()).toEqual(Int32Array.from([9, 7]));
    x.dispose();
    y.dispose();
  });

  test('get converts one row the same way', () => {
    const [x, y] = bytes().get(1);
    expect(x.shape).toEqual([2]);
    expect(x.dataSync()).toEqual(Float32Array.from([51 / 255, 102 / 255]));
    expect(y.toArray()).toBe(9);
    x.dispose();
    y.dispose();
  });

  test('a divisor that is not a positive number is an ArgumentError', () => {
    for (const divisor of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() =>
        TensorDataset.fromColumns([{ values: Uint8Array.from([1]), shape: [1], dtype: 'float32', divisor }]),
      ).toThrowError(ArgumentError);
    }
  });
});
