import { expect, test } from 'vitest';
import { runInProcess } from '../test-support/run-in-process';

test('recipes lists every built-in recipe with its one-line description', async () => {
  const result = await runInProcess(['recipes']);
  expect(result.code).toBe(0);
  for (const name of ['mnist-mlp', 'mnist-lenet5', 'fashion-mlp', 'spiral-mlp']) {
    expect(result.stdout).toMatch(new RegExp(`^${name} +\\S.*epochs, \\w+ lr`, 'm'));
  }
});

test('recipes --json gives every resolved default', async () => {
  const result = await runInProcess(['recipes', '--json']);
  const recipes = JSON.parse(result.stdout);
  expect(recipes.map((r: { name: string }) => r.name)).toEqual([
    'mnist-mlp',
    'mnist-lenet5',
    'fashion-mlp',
    'spiral-mlp',
  ]);
  expect(recipes[1].defaults).toMatchObject({ recipe: 'mnist-lenet5', optimizer: 'adam', backend: 'auto' });
});
