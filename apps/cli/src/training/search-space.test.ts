import { choice, logUniform } from '@nagare/train';
import { expect, test } from 'vitest';
import { recipeDefaults } from '../config/resolve-config';
import { CliError } from '../errors/cli-error';
import { defineRecipe } from '../recipes/recipe';
import { findRecipe } from '../recipes/registry';
import { applyParams, searchSpaceOf } from './search-space';

const recipe = findRecipe('mnist-mlp');
const config = recipeDefaults(recipe);

test('the default space searches lr around the recipe’s and weight decay over the lecture’s range', () => {
  expect(searchSpaceOf(recipe, config)).toEqual({
    lr: { kind: 'logUniform', min: config.lr / 10, max: config.lr * 10 },
    weightDecay: { kind: 'logUniform', min: 1e-8, max: 1e-4 },
  });
});

test('a recipe’s own space may name config keys and model options, nothing else', () => {
  const custom = defineRecipe({
    ...recipe,
    searchSpace: () => ({ batchSize: choice([32, 64]), 'model.dropout': logUniform(0.01, 0.5) }),
  });
  expect(Object.keys(searchSpaceOf(custom, config))).toEqual(['batchSize', 'model.dropout']);
  const wrong = defineRecipe({ ...recipe, searchSpace: () => ({ 'model.depth': choice([2, 3]) }) });
  expect(() => searchSpaceOf(wrong, config)).toThrow(CliError);
});

test('applyParams sets config keys and model options and checks them', () => {
  const trial = applyParams(config, { lr: 0.003, batchSize: 32, 'model.dropout': 0.1 });
  expect(trial).toMatchObject({ lr: 0.003, batchSize: 32, model: { hidden: [512, 256], dropout: 0.1 } });
  expect(config.model.dropout).toBe(0.2);
  expect(() => applyParams(config, { batchSize: 0 })).toThrow(
    'search space: batchSize must be an integer from 1 to 65,536',
  );
});
