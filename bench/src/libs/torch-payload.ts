import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MNIST_PIXELS, mnistBatches } from '../mnist';
import { spiralPoints } from '../spirals';
import type { CaseSpec } from '../types';
import { TRAIN_BATCHES } from './nagare-train';

/** One array sent to the PyTorch child, in the order the file holds them. */
export interface PayloadArray {
  name: string;
  dtype: 'float32' | 'int32';
  shape: number[];
  values: Float32Array | Int32Array;
}

/**
 * The data a case trains on, for the PyTorch child: the same MNIST batches (`images` [K, B, 784],
 * `labels` [K, B]) or two-spiral batches (`points` [K, B, 2], `labels` [K, B]) that nagare and tfjs
 * step through, in the same order. Op cases send nothing: their random inputs' values do not
 * matter to the timing.
 *
 * @example
 * torchPayload(selectCases(['small'])[0]).map((a) => a.shape); // [[32, 32, 2], [32, 32]]
 */
export function torchPayload(spec: CaseSpec): PayloadArray[] {
  if (spec.suite === 'train') {
    const batches = mnistBatches(spec.batchSize, TRAIN_BATCHES);
    const images = new Float32Array(batches.length * spec.batchSize * MNIST_PIXELS);
    const labels = new Int32Array(batches.length * spec.batchSize);
    batches.forEach((batch, k) => {
      images.set(batch.images, k * batch.images.length);
      labels.set(batch.labels, k * batch.labels.length);
    });
    return [
      {
        name: 'images',
        dtype: 'float32',
        shape: [batches.length, spec.batchSize, MNIST_PIXELS],
        values: images,
      },
      { name: 'labels', dtype: 'int32', shape: [batches.length, spec.batchSize], values: labels },
    ];
  }
  if (spec.suite === 'small') {
    const { points, labels } = spiralPoints(spec.batches * spec.batchSize);
    return [
      { name: 'points', dtype: 'float32', shape: [spec.batches, spec.batchSize, 2], values: points },
      { name: 'labels', dtype: 'int32', shape: [spec.batches, spec.batchSize], values: labels },
    ];
  }
  return [];
}

/** A payload written to a temporary file: what a prepare request names, and how to delete it. */
export interface PayloadFile {
  data: { path: string; arrays: { name: string; dtype: string; shape: number[] }[] };
  remove(): Promise<void>;
}

/**
 * Writes the arrays one after another, as raw bytes in this machine's byte order (the child runs
 * on the same machine), to a new temporary file.
 */
export async function writePayload(arrays: readonly PayloadArray[]): Promise<PayloadFile> {
  const directory = await mkdtemp(join(tmpdir(), 'nagare-bench-torch-'));
  const path = join(directory, 'payload.bin');
  await writeFile(
    path,
    Buffer.concat(
      arrays.map(({ values }) => Buffer.from(values.buffer, values.byteOffset, values.byteLength)),
    ),
  );
  return {
    data: { path, arrays: arrays.map(({ name, dtype, shape }) => ({ name, dtype, shape })) },
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
