import { add, maximum, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkBinary } from './rule-check';

test('maximum: dy goes to the larger operand, with broadcasting, first and second order', () => {
  // b = a + offset with |offset| ≥ 0.05 keeps every pair away from a tie.
  checkBinary((a, b) => maximum(a, add(a, b)), 76, { b: { kinks: [0], margin: 0.05 } });
  checkBinary(maximum, 77);
});

test('maximum splits the gradient evenly at ties (documented choice)', () => {
  const [da, db] = grad((a, b) => sum(maximum(a, b)), { argnums: [0, 1] })(
    tensor([1, 2, 3]),
    tensor([1, 5, 0]),
  );
  expect(da.toArray()).toEqual([0.5, 0, 1]);
  expect(db.toArray()).toEqual([0.5, 1, 0]);
});
