import { scatterAdd, tensor } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('scatterAdd: x gets dy, updates get dy gathered at their indices (repeats included)', () => {
  const indices = tensor([0, 2, 0], { dtype: 'int32' });
  checkEach(
    (x, i, u) => scatterAdd(x, i, u, 0),
    [[randomValues([3, 2], 134), indices, randomValues([3, 2], 135)]],
  );
  checkEach(
    (x, i, u) => scatterAdd(x, i, u, 1),
    [[randomValues([2, 4], 136), indices, randomValues([2, 3], 137)]],
  );
});
