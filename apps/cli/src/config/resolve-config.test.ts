import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { isConfigPath, recipeDefaults, resolveConfig } from './resolve-config';

const dir = makeTempDir('nagare-config-');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('resolveConfig', () => {
  test('layers recipe defaults, then the file, then the flags', async () => {
    const path = file('a.json', JSON.stringify({ recipe: 'spiral-mlp', epochs: 7, lr: 0.5 }));
    const { recipe, config } = await resolveConfig(path, { lr: 0.25 });
    expect(recipe.name).toBe('spiral-mlp');
    expect(config).toEqual({ ...recipeDefaults(recipe), epochs: 7, lr: 0.25 });
  });

  test('a recipe name resolves to its defaults', async () => {
    const { config } = await resolveConfig('mnist-lenet5', {});
    expect(config).toMatchObject({
      recipe: 'mnist-lenet5',
      epochs: 8,
      batchSize: 64,
      optimizer: 'adam',
      model: {},
    });
  });

  test('a missing, malformed or incomplete file is a one-line error naming it', async () => {
    await expect(resolveConfig(join(dir, 'none.json'), {})).rejects.toThrow(
      `${join(dir, 'none.json')}: no such file or directory`,
    );
    const broken = file('broken.json', '{"recipe": "spiral-mlp",');
    await expect(resolveConfig(broken, {})).rejects.toThrow(`${broken}: not valid JSON`);
    const list = file('list.json', '[1, 2]');
    await expect(resolveConfig(list, {})).rejects.toThrow('expected a JSON object, got an array');
    const anonymous = file('anonymous.json', '{"epochs": 2}');
    await expect(resolveConfig(anonymous, {})).rejects.toThrow(`${anonymous}: missing "recipe"`);
    const typo = file('typo.json', '{"recipe": "spiral-mlp", "batchsize": 2}');
    await expect(resolveConfig(typo, {})).rejects.toThrow(
      'unknown key "batchsize" (did you mean batchSize?)',
    );
  });

  test('an unknown recipe suggests the nearest one', async () => {
    await expect(resolveConfig('mnist-mpl', {})).rejects.toThrow(
      'mnist-mpl: unknown recipe (did you mean mnist-mlp?)',
    );
    await expect(resolveConfig('imagenet', {})).rejects.toThrow(/built-in recipes: mnist-mlp, /);
  });
});

test('isConfigPath tells file paths from recipe names', () => {
  expect(isConfigPath('config.json')).toBe(true);
  expect(isConfigPath('runs/x/config')).toBe(true);
  expect(isConfigPath('mnist-mlp')).toBe(false);
});
