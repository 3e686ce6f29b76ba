import { gt, tensor, where } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('where: dy goes to a where the condition holds and to b elsewhere, with broadcasting', () => {
  const condition = gt(randomValues([3, 4], 80), 0);
  checkEach(
    (a, b) => where(condition, a, b),
    [
      [randomValues([3, 4], 81), randomValues([3, 4], 82)],
      [randomValues([4], 83), randomValues([3, 1], 84)],
      [randomValues([], 85), randomValues([1, 4], 86)],
    ],
  );
  const rowCondition = tensor([[true], [false]]);
  checkEach((a, b) => where(rowCondition, a, b), [[randomValues([2, 3], 87), randomValues([3], 88)]]);
});
