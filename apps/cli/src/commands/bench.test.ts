import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { findBenchDir } from './bench';

const root = makeTempDir('nagare-bench-');

test('findBenchDir finds bench/ in a parent directory and nothing outside a checkout', async () => {
  expect(await findBenchDir(root)).toBeNull();
  mkdirSync(join(root, 'bench'));
  writeFileSync(join(root, 'bench', 'package.json'), '{"scripts":{"bench":"node run.js"}}');
  mkdirSync(join(root, 'packages', 'x'), { recursive: true });
  expect(await findBenchDir(join(root, 'packages', 'x'))).toBe(join(root, 'bench'));
});
