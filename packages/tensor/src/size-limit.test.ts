import { afterEach, describe, expect, it } from 'vitest';
import {
  arange,
  checkedElementCount,
  getMaxElements,
  SizeLimitError,
  setMaxElements,
  tensor,
  zeros,
} from './index';

describe('the allocation size limit', () => {
  afterEach(() => {
    setMaxElements(2 ** 28);
  });

  it('refuses zeros([2^31, 2^31]) with a typed error naming the op, the shape and the limit', () => {
    const attempt = () => zeros([2 ** 31, 2 ** 31]);
    expect(attempt).toThrow(SizeLimitError);
    expect(attempt).toThrow(
      /zeros: shape \[2147483648, 2147483648\] has .* elements, above the limit of 268435456/,
    );
  });

  it('checks op outputs whose size comes from data before allocating them', () => {
    setMaxElements(1000);
    const x = tensor([1, 2, 3]);
    expect(() => x.reshape([3, 1]).expand([3, 1000])).toThrow(SizeLimitError);
    expect(() => x.reshape([3, 1]).expand([3, 1000])).toThrow(/expand/);
    expect(() => arange(2000)).toThrow(SizeLimitError);
  });

  it('allows a zero-length axis next to a huge one, and a raised limit', () => {
    expect(checkedElementCount('zeros', [0, 2 ** 40])).toBe(0);
    const previous = setMaxElements(2 ** 30);
    expect(previous).toBe(2 ** 28);
    expect(getMaxElements()).toBe(2 ** 30);
  });

  it('names NaN and negative lengths', () => {
    expect(() => checkedElementCount('reshape', [2, Number.NaN])).toThrow(/invalid length NaN/);
    expect(() => setMaxElements(0)).toThrow(/setMaxElements/);
  });
});
