import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runInProcess } from '../test-support/run-in-process';
import { makeTempDir } from '../test-support/temp-dir';

const out = join(makeTempDir('nagare-tune-'), 'tune');

test('tune runs rounds of trials on the validation split, prints the ranked table and writes tune.jsonl', async () => {
  const args = ['tune', 'spiral-mlp', '--trials', '3', '--rounds', '2', '--epochs', '1', '--limit', '240'];
  const result = await runInProcess([...args, '--backend', 'js', '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^rank +trial +round +status +score +lr +weightDecay$/m);
  expect(result.stdout).toMatch(/^trial +5 \(round 2\) +lr \S+ +weightDecay \S+ +→ val_acc \d+\.\d\d%$/m);
  expect(result.stdout).toMatch(/^train it: nagare train spiral-mlp --lr \S+ --weight-decay \S+$/m);
  const rows = readFileSync(join(out, 'tune.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(rows.map((row) => [row.trial, row.round])).toEqual([
    [0, 1],
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 2],
  ]);
  for (const row of rows) {
    expect(row.status).toBe('completed');
    expect(row.val_acc).toBe(row.epochs[0].val_acc);
    expect(row.params.lr).toBeGreaterThanOrEqual(1e-3);
    expect(row.params.lr).toBeLessThanOrEqual(1e-1);
  }
});
