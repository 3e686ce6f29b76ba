import { afterEach, describe, expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error';
import { rand } from '../ops/random';
import { expectNagareError } from '../test-helpers';
import { Generator, getDefaultGenerator, manualSeed } from './generator';

const draw = (g: Generator, n: number) => Array.from({ length: n }, () => g.nextUint32());

describe('Generator', () => {
  test('the stream of seed 0 starts with Philox4x32-10 of counter 0, key 0', () => {
    expect(draw(new Generator(0), 4).map((w) => w.toString(16))).toEqual([
      '6627e8d5',
      'e169c58d',
      'bc57ac4c',
      '9b00dbd8',
    ]);
  });

  test('the same seed gives the same numbers; different seeds differ', () => {
    expect(draw(new Generator(42), 9)).toEqual(draw(new Generator(42), 9));
    expect(draw(new Generator(42), 9)).not.toEqual(draw(new Generator(43), 9));
  });

  test('seeds above 2³² use the high key word instead of wrapping', () => {
    expect(draw(new Generator(2 ** 32 + 5), 4)).not.toEqual(draw(new Generator(5), 4));
  });

  test.each([0, 1, 3, 4, 5, 8, 11])('state saved after %i draws continues the stream exactly', (before) => {
    const g = new Generator(9);
    draw(g, before);
    const saved = g.state;
    const expected = draw(g, 10);
    g.state = saved;
    expect(draw(g, 10)).toEqual(expected);
    const restored = new Generator(123);
    restored.state = JSON.parse(JSON.stringify(saved));
    expect(draw(restored, 10)).toEqual(expected);
  });

  test('state continues float and normal draws, and tensors drawn from the generator', () => {
    const g = new Generator(5);
    g.nextNormal();
    const saved = g.state;
    const expected = rand([5], { generator: g, dtype: 'float64' }).dataSync();
    g.state = saved;
    expect(rand([5], { generator: g, dtype: 'float64' }).dataSync()).toEqual(expected);
  });

  test.each([
    [Number.NaN, 'NaN'],
    [-1, '-1'],
    [1.5, '1.5'],
    [2 ** 53, String(2 ** 53)],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('seed %s is an ArgumentError naming Generator', (seed, shown) => {
    expectNagareError(() => new Generator(seed), ArgumentError, {
      op: 'Generator',
      code: 'INVALID_ARGUMENT',
      message: `Generator: seed must be a non-negative integer, got ${shown}`,
    });
  });

  test('an invalid state is an ArgumentError', () => {
    const g = new Generator(1);
    for (const state of [
      { key: [0, 0], counter: -1, blockUsed: 4 },
      { key: [0, 2 ** 32], counter: 0, blockUsed: 4 },
      { key: [0, 0], counter: 2, blockUsed: 0 },
      { key: [0, 0], counter: 0, blockUsed: 2 },
      { key: [0], counter: 0, blockUsed: 4 },
    ]) {
      expect(() => {
        g.state = state as Generator['state'];
      }).toThrow(ArgumentError);
    }
  });

  test('nextFloat is in [0, 1) and nextInt(n) in [0, n)', () => {
    const g = new Generator(3);
    for (let i = 0; i < 2000; i++) {
      const u = g.nextFloat();
      expect(u >= 0 && u < 1).toBe(true);
      const k = g.nextInt(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
  });

  test('nextInt is unbiased: each of 3 values within 5σ of n/3', () => {
    const g = new Generator(8);
    const n = 30000;
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i++) counts[g.nextInt(3)]++;
    const sigma = Math.sqrt(n * (1 / 3) * (2 / 3));
    for (const count of counts) expect(Math.abs(count - n / 3)).toBeLessThan(5 * sigma);
  });
});

describe('manualSeed', () => {
  afterEach(() => manualSeed(0));

  test('reseeds the default generator: unseeded ops repeat after the same manualSeed', () => {
    manualSeed(17);
    const first = rand([4]).dataSync();
    manualSeed(17);
    expect(rand([4]).dataSync()).toEqual(first);
    expect(rand([4], { seed: 17 }).dataSync()).toEqual(first);
  });

  test('unseeded ops advance the default generator', () => {
    manualSeed(2);
    const before = getDefaultGenerator().state.counter;
    rand([8]);
    expect(getDefaultGenerator().state.counter).toBe(before + 4);
  });

  test('a NaN seed is an ArgumentError naming manualSeed', () => {
    expect(() => manualSeed(Number.NaN)).toThrow('manualSeed: seed must be a non-negative integer, got NaN');
  });
});
