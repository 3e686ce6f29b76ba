import { expect, test } from 'vitest';
import { shouldSplitByColumns } from './gemm-params';

test('a square GEMM splits by columns, so no thread packs all of B', () => {
  expect(shouldSplitByColumns(1024, 1024, 1024, 2)).toBe(true);
  expect(shouldSplitByColumns(512, 512, 512, 2)).toBe(true);
});

test('a GEMM whose B is small next to A splits by rows (the weight gradient x^T·δ of an MLP layer)', () => {
  // [784, 64] · [64, 256]: by rows each thread packs δ (16k values); by columns each packs x (50k).
  expect(shouldSplitByColumns(784, 256, 64, 2)).toBe(false);
});

test('the split goes where there are enough tiles for every thread', () => {
  expect(shouldSplitByColumns(64, 8, 512, 2)).toBe(false); // one column tile
  expect(shouldSplitByColumns(4, 1024, 512, 2)).toBe(true); // one row tile
  expect(shouldSplitByColumns(64, 256, 784, 1)).toBe(true); // one thread: the longer side, as before
});
