import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { lastWeights } from '../test-support/checkpoint-weights';
import { runInProcess } from '../test-support/run-in-process';
import { makeTempDir } from '../test-support/temp-dir';

const root = makeTempDir('nagare-resume-');

test('train --resume --epochs extends a run to the same weights, bit for bit, as one long run', async () => {
  // A constant lr: a cosine or step schedule spans the planned epochs, so extending changes it.
  const common = ['--limit', '400', '--backend', 'js', '--seed', '3', '--schedule', 'constant'];
  const straight = join(root, 'straight');
  const resumed = join(root, 'resumed');
  expect(
    (await runInProcess(['train', 'spiral-mlp', '--epochs', '3', ...common, '--out', straight])).code,
  ).toBe(0);
  expect(
    (await runInProcess(['train', 'spiral-mlp', '--epochs', '1', ...common, '--out', resumed])).code,
  ).toBe(0);
  expect((await runInProcess(['train', '--resume', resumed, '--epochs', '3'])).code).toBe(0);
  expect(JSON.parse(readFileSync(join(resumed, 'config.json'), 'utf8')).epochs).toBe(3);
  expect(await lastWeights(resumed)).toEqual(await lastWeights(straight));
});
