import { prod, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkEach, randomValues } from './rule-check';

test('prod: ∂/∂xᵢ is the product of the others, with and without keepDims, first and second order', () => {
  const x = randomValues([2, 3, 2], 93, { low: 0.5, high: 1.5 });
  checkEach((t) => prod(t), [[x]]);
  checkEach((t) => prod(t, 1), [[x]]);
  checkEach((t) => prod(t, [0, 2], { keepDims: true }), [[x]]);
  checkEach((t) => prod(t, 0), [[randomValues([3, 1], 94)]]);
});

test('prod with zeros: one zero gets the product of the others, two zeros give all zeros', () => {
  const f = grad((x) => sum(prod(x, 1)));
  expect(
    f(
      tensor([
        [2, 0, 3],
        [0, 0, 5],
        [1, 2, 4],
      ]),
    ).toArray(),
  ).toEqual([
    [0, 6, 0],
    [0, 0, 0],
    [8, 4, 2],
  ]);
});

test('prod with one zero: gradcheck passes at the zero (the product is linear in that element)', () => {
  checkEach(
    (t) => prod(t, 1),
    [
      [
        tensor(
          [
            [0.5, 0, 1.5],
            [2, 0.25, 0],
          ],
          { dtype: 'float64' },
        ),
      ],
    ],
  );
});
