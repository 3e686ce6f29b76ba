import { minimum, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkBinary } from './rule-check';

test('minimum: dy goes to the smaller operand, with broadcasting, first and second order', () => {
  checkBinary(minimum, 78);
});

test('minimum splits the gradient evenly at ties (documented choice)', () => {
  const [da, db] = grad((a, b) => sum(minimum(a, b)), { argnums: [0, 1] })(
    tensor([1, 2, 3]),
    tensor([1, 5, 0]),
  );
  expect(da.toArray()).toEqual([0.5, 1, 0]);
  expect(db.toArray()).toEqual([0.5, 0, 1]);
});
