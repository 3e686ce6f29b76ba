import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findBenchDir } from './bench';

test('findBenchDir finds bench/ in a parent directory and nothing outside a checkout', async () => {
  const root = mkdtempSync(join(tmpdir(), 'nagare-bench-'));
  expect(await findBenchDir(root)).toBeNull();
  mkdirSync(join(root, 'bench'));
  writeFileSync(join(root, 'bench', 'package.json'), '{"scripts":{"bench":"node run.js"}}');
  mkdirSync(join(root, 'packages', 'x'), { recursive: true });
  expect(await findBenchDir(join(root, 'packages', 'x'))).toBe(join(root, 'bench'));
});
