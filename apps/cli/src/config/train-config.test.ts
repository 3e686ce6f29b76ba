import { describe, expect, test } from 'vitest';
import { CliError } from '../errors/cli-error';
import { BASE_CONFIG, checkConfig, mergeConfig, type TrainConfig } from './train-config';

const base: TrainConfig = {
  ...BASE_CONFIG,
  recipe: 'mnist-mlp',
  model: { hidden: [512, 256], dropout: 0.2 },
};

describe('checkConfig', () => {
  test('accepts valid values and returns them', () => {
    expect(checkConfig({ epochs: 3, lr: 0.01, optimizer: 'sgd', limit: null }, 'c.json')).toEqual({
      epochs: 3,
      lr: 0.01,
      optimizer: 'sgd',
      limit: null,
    });
  });

  test('names the file, the key and the value of a bad setting', () => {
    expect(() => checkConfig({ epochs: 0 }, 'c.json')).toThrow(
      'c.json: epochs must be an integer ≥ 1, got 0',
    );
    expect(() => checkConfig({ optimizer: 'adma' }, 'c.json')).toThrow(
      /optimizer must be one of sgd, .*adam/,
    );
    expect(() => checkConfig({ valFraction: 1 }, 'c.json')).toThrow(CliError);
  });

  test('suggests the nearest key for an unknown one', () => {
    expect(() => checkConfig({ epoch: 3 }, 'c.json')).toThrow(
      'c.json: unknown key "epoch" (did you mean epochs?)',
    );
  });

  test("checks model options against the recipe's defaults", () => {
    const defaults = base.model;
    expect(() => checkConfig({ model: { hiden: [3] } }, 'c.json', defaults)).toThrow(/did you mean hidden/);
    expect(() => checkConfig({ model: { hidden: [3, -1] } }, 'c.json', defaults)).toThrow(
      'model.hidden must be a list of positive integers',
    );
    expect(() => checkConfig({ model: { dropout: '0.5' } }, 'c.json', defaults)).toThrow(
      'model.dropout must be a number',
    );
    expect(checkConfig({ model: { hidden: [32] } }, 'c.json', defaults)).toEqual({ model: { hidden: [32] } });
  });
});

test('mergeConfig lets later layers win, skips undefined values and merges model options key by key', () => {
  const merged = mergeConfig(base, { epochs: 5, lr: undefined }, { model: { dropout: 0 } });
  expect(merged.epochs).toBe(5);
  expect(merged.lr).toBe(BASE_CONFIG.lr);
  expect(merged.model).toEqual({ hidden: [512, 256], dropout: 0 });
  expect(base.model.dropout).toBe(0.2);
});
