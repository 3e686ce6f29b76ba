import { memory, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import type { Dataset } from './dataset';
import { DataLoader } from './loader';
import { TensorDataset } from './tensor-dataset';

const ds = () =>
  new TensorDataset(
    tensor(Array.from({ length: 10 }, (_, i) => [i, -i])),
    tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { dtype: 'int32' }),
  );

describe('DataLoader', () => {
  test('batches in order without shuffle, last batch smaller', () => {
    const loader = new DataLoader(ds(), { batchSize: 4 });
    expect(loader.length).toBe(3);
    const labels = [...loader].map(([, y]) => Array.from(y.dataSync()));
    expect(labels).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
  });

  test('dropLast drops the short batch', () => {
    const loader = new DataLoader(ds(), { batchSize: 4, dropLast: true });
    expect(loader.length).toBe(2);
    expect([...loader].length).toBe(2);
  });

  test('shuffle is reproducible from the seed and differs between epochs', () => {
    const a = new DataLoader(ds(), { batchSize: 10, shuffle: true, seed: 5 });
    const b = new DataLoader(ds(), { batchSize: 10, shuffle: true, seed: 5 });
    const epochA0 = a.order(0);
    expect(b.order(0)).toEqual(epochA0);
    expect(a.order(1)).not.toEqual(epochA0);
    expect([...epochA0].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const first = [...a].map(([, y]) => Array.from(y.dataSync()));
    expect(first[0]).toEqual(epochA0);
    expect(a.epoch).toBe(1);
  });

  test('a plain dataset is collated by stacking, and sample temporaries are freed', async () => {
    const plain: Dataset<[ReturnType<typeof tensor>, number]> = {
      length: 5,
      get: (i) => [tensor([i, i + 1]), i % 2],
    };
    const loader = new DataLoader(plain, { batchSize: 2 });
    const start = memory().tensors;
    const batches = [];
    for await (const batch of loader)
      batches.push(batch as unknown as [ReturnType<typeof tensor>, ReturnType<typeof tensor>]);
    expect(batches[0][0].toArray()).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(Array.from(batches[2][1].dataSync())).toEqual([0]);
    expect(memory().tensors - start).toBe(2 * batches.length);
  });

  test('prefetch yields the same batches as without', async () => {
    const collect = async (prefetch: boolean) => {
      const out: number[][] = [];
      for await (const [, y] of new DataLoader(ds(), { batchSize: 3, shuffle: true, seed: 2, prefetch }))
        out.push(Array.from(y.dataSync()));
      return out;
    };
    expect(await collect(true)).toEqual(await collect(false));
  });

  test('invalid batch size names the argument', () => {
    expect(() => new DataLoader(ds(), { batchSize: 0 })).toThrowError(
      /DataLoader: batchSize must be a positive integer, got 0/,
    );
  });
});
