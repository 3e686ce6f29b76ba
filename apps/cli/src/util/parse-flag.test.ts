import { InvalidArgumentError } from 'commander';
import { expect, test } from 'vitest';
import { LIMITS } from '../config/limits';
import { integerFlag, nonNegativeNumberFlag, positiveNumberFlag } from './parse-flag';

const small = { min: 1, max: 100 };

test('integerFlag accepts integers inside its range only', () => {
  expect(integerFlag(small)('12')).toBe(12);
  expect(integerFlag(small)('100')).toBe(100);
  expect(() => integerFlag(small)('0')).toThrow(InvalidArgumentError);
  expect(() => integerFlag(small)('101')).toThrow('expected an integer from 1 to 100.');
  expect(() => integerFlag(small)('1.5')).toThrow(InvalidArgumentError);
  expect(() => integerFlag({ min: 0, max: Number.MAX_SAFE_INTEGER })('ten')).toThrow(
    'expected an integer ≥ 0.',
  );
});

test('epochs, batch size and threads refuse absurd values', () => {
  for (const value of ['1e20', '100000000000000000000', '10001', '2.5'])
    expect(() => integerFlag(LIMITS.epochs)(value), value).toThrow(InvalidArgumentError);
  for (const value of ['1e12', '1000000000000', '65537'])
    expect(() => integerFlag(LIMITS.batchSize)(value), value).toThrow(InvalidArgumentError);
  expect(() => integerFlag(LIMITS.threads)('100000')).toThrow(InvalidArgumentError);
  expect(integerFlag(LIMITS.threads)(String(LIMITS.threads.max))).toBe(LIMITS.threads.max);
});

test('number flags accept exponent notation and reject the wrong sign', () => {
  expect(positiveNumberFlag('1e-3')).toBe(0.001);
  expect(() => positiveNumberFlag('0')).toThrow(InvalidArgumentError);
  expect(nonNegativeNumberFlag('0')).toBe(0);
  expect(() => nonNegativeNumberFlag('-1')).toThrow(InvalidArgumentError);
  expect(() => nonNegativeNumberFlag('')).toThrow(InvalidArgumentError);
});
