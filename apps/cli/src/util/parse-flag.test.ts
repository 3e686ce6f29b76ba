import { InvalidArgumentError } from 'commander';
import { expect, test } from 'vitest';
import { integerFlag, nonNegativeNumberFlag, positiveNumberFlag } from './parse-flag';

test('integerFlag accepts integers at or above its minimum only', () => {
  expect(integerFlag(1)('12')).toBe(12);
  expect(() => integerFlag(1)('0')).toThrow(InvalidArgumentError);
  expect(() => integerFlag(1)('1.5')).toThrow(InvalidArgumentError);
  expect(() => integerFlag(0)('ten')).toThrow('expected an integer ≥ 0.');
});

test('number flags accept exponent notation and reject the wrong sign', () => {
  expect(positiveNumberFlag('1e-3')).toBe(0.001);
  expect(() => positiveNumberFlag('0')).toThrow(InvalidArgumentError);
  expect(nonNegativeNumberFlag('0')).toBe(0);
  expect(() => nonNegativeNumberFlag('-1')).toThrow(InvalidArgumentError);
  expect(() => nonNegativeNumberFlag('')).toThrow(InvalidArgumentError);
});
