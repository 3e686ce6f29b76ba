import { createJsBackend, getBackend, tensor, useBackend } from '@nagare/tensor';
import { asyncOnlyBackend } from '@nagare/tensor/testing';
import { afterEach, expect, test } from 'vitest';
import { DataLoader } from './loader';
import { TensorDataset } from './tensor-dataset';

const original = getBackend();
afterEach(() => useBackend(original));

test('TensorDataset.fromTensors and a shuffling DataLoader work where reads are async only', async () => {
  const columns = () => [
    tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]),
    tensor([0, 1, 2], { dtype: 'int32' }),
  ];
  const expected = new TensorDataset(...columns());
  const order = new DataLoader(expected, { batchSize: 2, shuffle: true, seed: 5 }).order(1);
  useBackend(asyncOnlyBackend(createJsBackend()));
  const deferred = await TensorDataset.fromTensors(...columns());
  expect(deferred.columns.map((c) => Array.from(c.values))).toEqual(
    expected.columns.map((c) => Array.from(c.values)),
  );
  expect(new DataLoader(deferred, { batchSize: 2, shuffle: true, seed: 5 }).order(1)).toEqual(order);
});
