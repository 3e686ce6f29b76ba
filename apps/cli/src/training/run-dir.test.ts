import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { OutputDirError } from '../errors/output-dir-error';
import { runInProcess } from '../test-support/run-in-process';
import { makeTempDir } from '../test-support/temp-dir';
import { checkOutputLocation, createUniqueDir, defaultRunDir, prepareRunDir } from './run-dir';

const work = makeTempDir('nagare-run-dir-');

test('paths in /proc and /sys are refused with OutputDirError, also through a symlink', async () => {
  for (const path of ['/proc/nagare-run', '/proc/self/fd/x/y', '/sys/nagare-run', '/proc'])
    await expect(checkOutputLocation(path), path).rejects.toBeInstanceOf(OutputDirError);
  const link = join(work, 'to-proc');
  symlinkSync('/proc/self', link);
  await expect(checkOutputLocation(join(link, 'runs', 'a'))).rejects.toThrow(/leads into \/proc/);
  await expect(checkOutputLocation(join(work, 'runs', 'a'))).resolves.toBeUndefined();
});

test('train --out inside /proc is refused at once, in one line', async () => {
  const result = await runInProcess(['train', 'spiral-mlp', '--out', '/proc/self/nagare-run']);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(
    'nagare: /proc/self/nagare-run: is inside /proc, a kernel file system; choose another --out\n',
  );
});

test('runs started in the same second get their own directories', async () => {
  const base = join(work, defaultRunDir('spiral-mlp', new Date(2026, 0, 2, 3, 4, 5)));
  expect(base.endsWith(join('runs', 'spiral-mlp-20260102-030405'))).toBe(true);
  const dirs = await Promise.all(Array.from({ length: 5 }, () => createUniqueDir(base)));
  expect(new Set(dirs).size).toBe(5);
  expect(dirs.sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`].sort());
  for (const dir of dirs) expect(existsSync(dir)).toBe(true);
});

test('an --out the user names may exist already', async () => {
  const out = join(work, 'mine');
  expect(await prepareRunDir(out, 'x')).toBe(out);
  expect(await prepareRunDir(out, 'x')).toBe(out);
});
