import { expect, test } from 'vitest';
import { PARAMS_WORDS, Params } from './params';

test('parameters pack u32, i32 and f32 words in order', () => {
  const params = new Params().u32(7, 3).i32(-2).f32(0.5, Number.POSITIVE_INFINITY);
  expect(params.count).toBe(5);
  expect(Array.from(params.words.subarray(0, 3))).toEqual([7, 3, 2 ** 32 - 2]);
  const floats = new Float32Array(params.words.buffer, 12, 2);
  expect(Array.from(floats)).toEqual([0.5, Number.POSITIVE_INFINITY]);
});

test('more parameter words than the uniform block holds is a RangeError', () => {
  const params = new Params().u32(...new Array<number>(PARAMS_WORDS).fill(1));
  expect(() => params.u32(1)).toThrow(RangeError);
});
