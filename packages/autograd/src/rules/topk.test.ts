import { sum, tensor, topk } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkEach, randomValues } from './rule-check';

test('topk: each selected value sends dy back to its position, along any axis, first and second order', () => {
  const x = randomValues([3, 5], 100);
  checkEach((t) => topk(t, 2), [[x]]);
  checkEach((t) => topk(t, 2, { axis: 0, largest: false }), [[x]]);
  checkEach((t) => topk(t, 3, { axis: 1 }), [[randomValues([2, 4, 2], 101)]]);
});

test('topk: unselected elements get a zero gradient, and the int32 indices none', () => {
  const g = grad((x) => sum(topk(x, 2)[0]))(
    tensor([
      [1, 5, 3],
      [9, 2, 4],
    ]),
  );
  expect(g.toArray()).toEqual([
    [0, 1, 1],
    [1, 0, 1],
  ]);
});
