import { memory } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { recipeDefaults } from '../config/resolve-config';
import { findRecipe } from '../recipes/registry';
import { firstBatch } from './load-splits';
import { trialSteps } from './trial-step';

test('trialSteps times real training steps and frees everything it made', async () => {
  const recipe = findRecipe('spiral-mlp');
  const data = await recipe.load('train', { limit: 64, dataDir: null });
  const batch = firstBatch(data, 32);
  expect(batch.map((t) => t.shape)).toEqual([[32, 2], [32]]);
  const before = memory().tensors;
  const seconds = trialSteps(recipe, recipeDefaults(recipe), batch, 2);
  expect(seconds).toBeGreaterThan(0);
  expect(memory().tensors).toBe(before);
  for (const tensor of batch) tensor.dispose();
});
