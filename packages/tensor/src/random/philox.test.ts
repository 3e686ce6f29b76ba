import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { philox4x32 } from './philox';

const hex = (words: Uint32Array) => Array.from(words, (w) => w.toString(16).padStart(8, '0'));

function philox(counter: number[], key: number[]): string[] {
  const out = new Uint32Array(4);
  philox4x32(counter[0], counter[1], counter[2], counter[3], key[0], key[1], out);
  return hex(out);
}

// Random123's kat_vectors for philox4x32_10 (Salmon et al., SC'11).
describe('philox4x32 matches the published known-answer vectors', () => {
  test('counter 0, key 0', () => {
    expect(philox([0, 0, 0, 0], [0, 0])).toEqual(['6627e8d5', 'e169c58d', 'bc57ac4c', '9b00dbd8']);
  });

  test('counter all ones, key all ones', () => {
    const ones = 0xffffffff;
    expect(philox([ones, ones, ones, ones], [ones, ones])).toEqual([
      '408f276d',
      '41c83b0e',
      'a20bc7c6',
      '6d5451fd',
    ]);
  });

  test('counter and key from the digits of π', () => {
    const counter = [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344];
    expect(philox(counter, [0xa4093822, 0x299f31d0])).toEqual([
      'd16cfe09',
      '94fdcceb',
      '5001e420',
      '24126ea1',
    ]);
  });
});

// An independent Philox4x32-10 in BigInt arithmetic: the 64-bit products need no splitting.
function philoxBigInt(counter: number[], key: number[]): string[] {
  const mask = 0xffffffffn;
  let [c0, c1, c2, c3] = counter.map(BigInt);
  let [k0, k1] = key.map(BigInt);
  for (let round = 0; round < 10; round++) {
    const p0 = 0xd2511f53n * c0;
    const p1 = 0xcd9e8d57n * c2;
    [c0, c1, c2, c3] = [((p1 >> 32n) ^ c1 ^ k0) & mask, p1 & mask, ((p0 >> 32n) ^ c3 ^ k1) & mask, p0 & mask];
    k0 = (k0 + 0x9e3779b9n) & mask;
    k1 = (k1 + 0xbb67ae85n) & mask;
  }
  return [c0, c1, c2, c3].map((w) => w.toString(16).padStart(8, '0'));
}

test('philox4x32 agrees with a BigInt implementation on random counters and keys', () => {
  const word = fc.integer({ min: 0, max: 0xffffffff });
  fc.assert(
    fc.property(fc.array(word, { minLength: 6, maxLength: 6 }), (w) => {
      expect(philox(w.slice(0, 4), w.slice(4))).toEqual(philoxBigInt(w.slice(0, 4), w.slice(4)));
    }),
    { numRuns: 300, seed: 11 },
  );
});
