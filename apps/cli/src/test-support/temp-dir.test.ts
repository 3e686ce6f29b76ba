import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeTempDir } from './temp-dir';
import { TEMP_ROOT_VARIABLE } from './temp-root';

test("tests write into the run's private temp root, which the global teardown removes", () => {
  const root = process.env[TEMP_ROOT_VARIABLE];
  expect(root).toBeDefined();
  expect(relative(root as string, tmpdir())).toBe('');
});

let made = '';
describe('a suite that makes a temp directory', () => {
  made = makeTempDir('nagare-temp-dir-test-');
  test('can write into it', () => {
    writeFileSync(join(made, 'file.txt'), 'x');
    expect(existsSync(join(made, 'file.txt'))).toBe(true);
  });
});

test('makeTempDir removes its directory after its suite', () => {
  expect(made).not.toBe('');
  expect(existsSync(made)).toBe(false);
});
