import { expect, test } from 'vitest';
import { parseJson, stringifyJson } from './json';

test('JSON round trip keeps NaN, ±Infinity and every double exactly', () => {
  const value = {
    a: Number.NaN,
    b: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.1 + 0.2, 5e-324],
    c: { $number: 'x' },
  };
  expect(parseJson(stringifyJson(value))).toEqual(value);
  expect(stringifyJson({ x: Number.NaN })).toBe('{"x":{"$number":"NaN"}}');
});
