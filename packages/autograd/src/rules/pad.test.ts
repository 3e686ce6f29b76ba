import { pad } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('pad: every mode sends dy back to the input elements it copied (constant, reflect, edge, wrap)', () => {
  const x = randomValues([3, 4], 128);
  for (const mode of ['constant', 'reflect', 'edge', 'wrap'] as const) {
    checkEach(
      (t) =>
        pad(
          t,
          [
            [2, 1],
            [0, 3],
          ],
          { mode, value: 0.5 },
        ),
      [[x]],
    );
  }
  checkEach((t) => pad(t, [[1, 2]], { mode: 'edge' }), [[randomValues([1], 129)]]);
  checkEach((t) => pad(t, [[3, 5]], { mode: 'wrap' }), [[randomValues([2], 130)]]);
});
