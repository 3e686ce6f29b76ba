import { noGrad } from '@nagare/autograd';
import { lenet5 } from '@nagare/layers/models';
import { type Tensor, tidy, zeros } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { recipeDefaults } from '../config/resolve-config';
import { defineRecipe } from './recipe';
import { findRecipe, RECIPES } from './registry';

describe.each(RECIPES.map((recipe) => [recipe.name, recipe] as const))('recipe %s', (_name, recipe) => {
  test('builds a model mapping a batch of its inputs to one logit per class', () => {
    const model = recipe.build(recipeDefaults(recipe));
    const shape = noGrad(() => tidy(() => model.call(zeros([3, ...recipe.input.shape]) as Tensor).shape));
    expect(shape).toEqual([3, recipe.classes.length]);
    model.dispose();
  });

  test('the same seed builds the same weights, another seed different ones', () => {
    const config = recipeDefaults(recipe);
    const firstWeights = (seed: number) => {
      const model = recipe.build({ ...config, seed });
      const values = model.parameters()[0].dataSync();
      model.dispose();
      return values;
    };
    const first = firstWeights(config.seed);
    const again = firstWeights(config.seed);
    const other = firstWeights(config.seed + 1);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  test('has a one-line description', () => {
    expect(recipe.description.length).toBeGreaterThan(10);
    expect(recipe.description).not.toContain('\n');
  });
});

test('the built-in models have their documented parameter counts', () => {
  const count = (name: string) =>
    findRecipe(name)
      .build(recipeDefaults(findRecipe(name)))
      .numParameters();
  expect(count('mnist-lenet5')).toBe(61_706);
  expect(count('mnist-mlp')).toBe(784 * 512 + 512 + 512 * 256 + 256 + 256 * 10 + 10);
  expect(count('spiral-mlp')).toBe(2 * 64 + 64 + 64 * 64 + 64 + 64 * 2 + 2);
});

test('the recipes build the zoo models: LeNet-5 with its layer names, the MLPs with their old ones', () => {
  const names = (recipe: string) => {
    const model = findRecipe(recipe).build(recipeDefaults(findRecipe(recipe)));
    const keys = Object.keys(model.stateDict());
    model.dispose();
    return keys;
  };
  // LeNet-5 comes from @nagare/layers/models (variant 'modern'); its checkpoints name the layers.
  const zooLenet = lenet5({ variant: 'modern' });
  expect(names('mnist-lenet5')).toEqual(Object.keys(zooLenet.stateDict()));
  zooLenet.dispose();
  expect(names('mnist-lenet5')[0]).toBe('c1.weight');
  // The MLPs keep the positional names (Flatten first) that earlier checkpoints hold.
  expect(names('mnist-mlp')).toEqual(['1.weight', '1.bias', '4.weight', '4.bias', '7.weight', '7.bias']);
  expect(names('spiral-mlp')).toEqual(['1.weight', '1.bias', '3.weight', '3.bias', '5.weight', '5.bias']);
});

test('spiral-mlp loads its splits and honours the limit', async () => {
  const recipe = findRecipe('spiral-mlp');
  const train = await recipe.load('train', { limit: null, dataDir: null });
  const test = await recipe.load('test', { limit: 50, dataDir: null });
  expect([train.length, test.length]).toEqual([2000, 50]);
});

test('fashion-mlp without --data-dir explains how to get the data', async () => {
  const recipe = findRecipe('fashion-mlp');
  await expect(recipe.load('train', { limit: null, dataDir: null })).rejects.toThrow(/pass --data-dir DIR/);
  await expect(recipe.load('train', { limit: null, dataDir: '/nonexistent/fashion' })).rejects.toThrow(
    '/nonexistent/fashion: data directory not found',
  );
});

test('defineRecipe rejects names that are not kebab-case and multi-line descriptions', () => {
  const base = RECIPES[0];
  expect(() => defineRecipe({ ...base, name: 'My Recipe' })).toThrow(/kebab-case/);
  expect(() => defineRecipe({ ...base, description: 'two\nlines' })).toThrow(/one line/);
});
