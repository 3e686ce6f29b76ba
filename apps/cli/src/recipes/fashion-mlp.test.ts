import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runInProcess } from '../test-support/run-in-process';
import { makeTempDir } from '../test-support/temp-dir';

/** An IDX file of unsigned bytes (the MNIST/Fashion-MNIST format): magic, dimensions, data. */
function idx(shape: readonly number[], values: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * shape.length);
  header.writeUInt32BE(0x0800 + shape.length, 0);
  for (const [i, size] of shape.entries()) header.writeUInt32BE(size, 4 + 4 * i);
  return Buffer.concat([header, Buffer.from(values)]);
}

/** A tiny stand-in for the Fashion-MNIST release: `n` images whose brightness encodes the label. */
function writeFashionFiles(dir: string, prefix: string, n: number): void {
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 10);
  const images = new Uint8Array(n * 784);
  for (const [i, label] of labels.entries()) images.fill(25 * label, i * 784, (i + 1) * 784);
  writeFileSync(join(dir, `${prefix}-images-idx3-ubyte`), idx([n, 28, 28], images));
  writeFileSync(join(dir, `${prefix}-labels-idx1-ubyte`), idx([n], labels));
}

const root = makeTempDir('nagare-fashion-');

const emptyDataDir = makeTempDir('nagare-fashion-empty-');

test('fashion-mlp trains from the IDX files in --data-dir and labels the report with clothing classes', async () => {
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  writeFashionFiles(dataDir, 'train', 240);
  writeFashionFiles(dataDir, 't10k', 40);
  const out = join(root, 'run');
  const result = await runInProcess([
    'train',
    'fashion-mlp',
    '--data-dir',
    dataDir,
    '--epochs',
    '1',
    '--backend',
    'js',
    '--out',
    out,
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('220 train / 20 validation / 40 test samples');
  const report = readFileSync(join(out, 'report.html'), 'utf8');
  expect(report).toContain('Ankle boot');
  expect(JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')).dataDir).toBe(dataDir);
});

test('fashion-mlp names a missing IDX file', async () => {
  const result = await runInProcess(['train', 'fashion-mlp', '--data-dir', emptyDataDir, '--backend', 'js']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/train-images-idx3-ubyte: file not found \(also tried \.gz\)/);
});
