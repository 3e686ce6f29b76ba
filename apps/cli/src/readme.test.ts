import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { runInProcess } from './test-support/run-in-process';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const textBlocks = readme
  .split('```text\n')
  .slice(1)
  .map((block) => block.split('```')[0].trimEnd());

test('the README shows the current `nagare --help` and `nagare train --help` output', async () => {
  const main = await runInProcess(['--help']);
  const train = await runInProcess(['train', '--help']);
  expect(textBlocks[0]).toBe(main.stdout.trimEnd());
  expect(textBlocks[1]).toBe(train.stdout.trimEnd());
});

test('the README lists every built-in recipe', async () => {
  const { RECIPES } = await import('./recipes/registry');
  for (const recipe of RECIPES) expect(readme).toContain(`| \`${recipe.name}\` |`);
});
