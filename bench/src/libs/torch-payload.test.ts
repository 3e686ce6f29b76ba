import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { selectCases } from '../cases';
import { MNIST_PIXELS, mnistBatches } from '../mnist';
import { spiralBatches } from '../spirals';
import { TRAIN_BATCHES } from './nagare-train';
import { torchPayload, writePayload } from './torch-payload';

describe('torchPayload', () => {
  test('sends the MNIST batches nagare trains on, in the same order', () => {
    const [mlp] = selectCases(['train'], ['mlp 784-256-128-10']);
    const [images, labels] = torchPayload(mlp);
    expect(images.shape).toEqual([TRAIN_BATCHES, 64, MNIST_PIXELS]);
    expect(labels.shape).toEqual([TRAIN_BATCHES, 64]);
    const batches = mnistBatches(64, TRAIN_BATCHES);
    const last = TRAIN_BATCHES - 1;
    expect(images.values.subarray(last * 64 * MNIST_PIXELS)).toEqual(batches[last].images);
    expect(labels.values.subarray(last * 64)).toEqual(batches[last].labels);
  });

  test('sends the two-spiral batches of the small suite, in the same order', () => {
    const [loop] = selectCases(['small']);
    const [points, labels] = torchPayload(loop);
    expect(points.shape).toEqual([32, 32, 2]);
    const batches = spiralBatches(32, 32);
    expect(points.values.subarray(5 * 64, 6 * 64)).toEqual(batches[5].points);
    expect(labels.values.subarray(5 * 32, 6 * 32)).toEqual(batches[5].labels);
  });

  test('sends nothing for op cases, whose inputs the child makes', () => {
    expect(torchPayload(selectCases(['matmul'], ['128'])[0])).toEqual([]);
  });
});

describe('writePayload', () => {
  test('writes the arrays back to back as raw bytes and removes the file', async () => {
    const file = await writePayload([
      { name: 'a', dtype: 'float32', shape: [2], values: new Float32Array([1.5, -2]) },
      { name: 'b', dtype: 'int32', shape: [1], values: new Int32Array([7]).subarray(0, 1) },
    ]);
    expect(file.data.arrays).toEqual([
      { name: 'a', dtype: 'float32', shape: [2] },
      { name: 'b', dtype: 'int32', shape: [1] },
    ]);
    const bytes = await readFile(file.data.path);
    expect(new Float32Array(bytes.buffer, bytes.byteOffset, 2)).toEqual(new Float32Array([1.5, -2]));
    expect(bytes.readInt32LE(8)).toBe(7);
    await file.remove();
    await expect(readFile(file.data.path)).rejects.toThrow(/ENOENT/);
  });
});
