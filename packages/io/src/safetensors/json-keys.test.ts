import { expect, test } from 'vitest';
import { findDuplicateKey } from './json-keys';

test('finds a repeated key at the top level and inside nested objects', () => {
  expect(findDuplicateKey('{"a":1,"b":2,"a":3}')).toBe('a');
  expect(findDuplicateKey('{"a":{"dtype":"F32","dtype":"F64"}}')).toBe('dtype');
  expect(findDuplicateKey('{"a":{"x":1},"b":{"x":1}}')).toBeUndefined();
});

test('string values, escapes and arrays are not mistaken for keys', () => {
  expect(findDuplicateKey('{"a":"a","b":["a","a"],"c":"x\\":y"}')).toBeUndefined();
  expect(findDuplicateKey('{"\\u0061":1,"a":2}')).toBe('a');
  expect(findDuplicateKey('{ "k" : 1 , "k"\n: 2 }')).toBe('k');
});
