import { describe, expect, test } from 'vitest';
import { tensor } from '../ops/creation';
import { permutation, permutationValues } from '../ops/random';
import { isInCurrentScope } from './handles';
import { tidy } from './tidy';

describe('isInCurrentScope', () => {
  test('is true for a tensor made in the innermost tidy, false for one made outside or with no scope', () => {
    const outside = tensor([1, 2]);
    const [made, given] = tidy(() => [isInCurrentScope(outside.mul(2)), isInCurrentScope(outside)]);
    expect([made, given]).toEqual([true, false]);
    expect(isInCurrentScope(outside)).toBe(false);
    outside.dispose();
  });
});

describe('permutationValues', () => {
  test('holds the values of permutation for the same seed, as a host array', () => {
    const perm = permutation(9, { seed: 4 });
    expect(Array.from(permutationValues(9, { seed: 4 }))).toEqual(Array.from(perm.dataSync()));
    perm.dispose();
  });
});
