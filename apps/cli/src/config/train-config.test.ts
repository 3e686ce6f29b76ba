import { describe, expect, test } from 'vitest';
import { CliError } from '../errors/cli-error';
import { fitThreadsToMachine, LIMITS } from './limits';
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
      'c.json: epochs must be an integer from 1 to 10,000, got 0',
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

  test('refuses absurd epochs, batch sizes, threads and seeds', () => {
    expect(() => checkConfig({ epochs: 1e20 }, 'c.json')).toThrow(
      /epochs must be an integer from 1 to 10,000/,
    );
    expect(() => checkConfig({ batchSize: 1e12 }, 'c.json')).toThrow(
      /batchSize must be an integer from 1 to 65,536/,
    );
    expect(() => checkConfig({ batchSize: 2.5 }, 'c.json')).toThrow(CliError);
    expect(() => checkConfig({ threads: 100_000 }, 'c.json')).toThrow(/threads must be an integer from 1 to/);
    expect(() => checkConfig({ seed: 2 ** 53 }, 'c.json')).toThrow(/seed must be/);
  });

  test('keys of Object.prototype are unknown keys, in the config and in its model options', () => {
    for (const key of ['__proto__', 'valueOf', 'hasOwnProperty', 'constructor', 'toString']) {
      const config = JSON.parse(`{"${key}": 1}`);
      expect(() => checkConfig(config, 'c.json'), key).toThrow(`c.json: unknown key "${key}"`);
      const model = JSON.parse(`{"model": {"${key}": 1}}`);
      expect(() => checkConfig(model, 'c.json', base.model), key).toThrow(
        `c.json: unknown model option "${key}"`,
      );
    }
  });

  test("checks model options against the recipe's defaults", () => {
    const defaults = base.model;
    expect(() => checkConfig({ model: { hiden: [3] } }, 'c.json', defaults)).toThrow(/did you mean hidden/);
    expect(() => checkConfig({ model: { hidden: [3, -1] } }, 'c.json', defaults)).toThrow(
      'model.hidden must be a list of integers from 1 to 65,536',
    );
    expect(() => checkConfig({ model: { hidden: [1e9] } }, 'c.json', defaults)).toThrow(
      'c.json: model.hidden must be a list of integers from 1 to 65,536, got [1000000000]',
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

test("a finished run's threads from a bigger machine are lowered to this machine's limit", () => {
  const config = fitThreadsToMachine({ recipe: 'mnist-mlp', threads: LIMITS.threads.max + 1 });
  expect(config.threads).toBe(LIMITS.threads.max);
  expect(checkConfig(config, 'config.json').threads).toBe(LIMITS.threads.max);
  expect(fitThreadsToMachine({ threads: 2 })).toEqual({ threads: 2 });
  expect(fitThreadsToMachine({ threads: 'many' })).toEqual({ threads: 'many' });
});
