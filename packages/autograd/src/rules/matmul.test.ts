import { matmul } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('matmul: dA = dY·Bᵀ, dB = Aᵀ·dY for every transpose flag, first and second order', () => {
  for (const transposeA of [false, true]) {
    for (const transposeB of [false, true]) {
      const a = randomValues(transposeA ? [3, 2] : [2, 3], 140);
      const b = randomValues(transposeB ? [4, 3] : [3, 4], 141);
      checkEach((x, y) => matmul(x, y, { transposeA, transposeB }), [[a, b]]);
    }
  }
});

test('matmul: batch axes broadcast and are summed back; 1-D operands follow NumPy', () => {
  checkEach(
    (a, b) => matmul(a, b),
    [
      [randomValues([2, 1, 2, 3], 142), randomValues([3, 3, 2], 143)],
      [randomValues([2, 3], 144), randomValues([3], 145)],
      [randomValues([3], 146), randomValues([2, 3, 4], 147)],
    ],
  );
  checkEach(
    (x, y) => matmul(x, y, { transposeB: true }),
    [[randomValues([2, 2, 3], 148), randomValues([4, 3], 149)]],
  );
});
