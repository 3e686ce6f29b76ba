import { expect, test } from 'vitest';
import { formatTensor } from './format';
import { arange, tensor, zeros } from './ops/creation';

test('header with dtype and shape, then the nested values', () => {
  expect(
    tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]).toString(),
  ).toBe('Tensor(float32, [2, 3]) [[1, 2, 3], [4, 5, 6]]');
  expect(String(tensor(7, { dtype: 'int32' }))).toBe('Tensor(int32, []) 7');
  expect(formatTensor(zeros([0, 2]))).toBe('Tensor(float32, [0, 2]) []');
  expect(tensor([true, false]).toString()).toBe('Tensor(bool, [2]) [true, false]');
});

test('long axes show 3 items each side of "…"', () => {
  expect(arange(7).toString()).toBe('Tensor(int32, [7]) [0, 1, 2, …, 4, 5, 6]');
  expect(arange(6).toString()).toBe('Tensor(int32, [6]) [0, 1, 2, 3, 4, 5]');
  const big = arange(1000 * 1000).reshape([1000, 1000]);
  const text = big.toString();
  expect(text).toBe(
    'Tensor(int32, [1000, 1000]) [[0, 1, 2, …, 997, 998, 999], [1000, 1001, 1002, …, 1997, 1998, 1999], ' +
      '[2000, 2001, 2002, …, 2997, 2998, 2999], …, [997000, 997001, 997002, …, 997997, 997998, 997999], ' +
      '[998000, 998001, 998002, …, 998997, 998998, 998999], [999000, 999001, 999002, …, 999997, 999998, 999999]]',
  );
});

test('floats print 4 significant digits without trailing zeros', () => {
  const f64 = (values: number[]) => tensor(values, { dtype: 'float64' }).toString();
  // 1234.4 must not lose its integer zeros ("1234" → "1234", 1200.4 → "1200", never "12").
  expect(f64([0.1, 1 / 3, 1200.4, 2.5e-7, 123456.7, -0.5])).toBe(
    'Tensor(float64, [6]) [0.1, 0.3333, 1200, 2.5e-7, 1.235e+5, -0.5]',
  );
  expect(f64([Number.NaN, Number.NEGATIVE_INFINITY, 3, 1e21])).toBe(
    'Tensor(float64, [4]) [NaN, -Infinity, 3, 1e+21]',
  );
  expect(tensor([0.1]).toString()).toBe('Tensor(float32, [1]) [0.1]');
});

test('a disposed tensor prints only its header', () => {
  const t = tensor([1]);
  t.dispose();
  expect(t.toString()).toBe('Tensor(float32, [1], disposed)');
});
