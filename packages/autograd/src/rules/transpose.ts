import { transpose } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** Output axis i is input axis perm[i], so dy is permuted back by the inverse permutation. */
export const transposeGrad: GradRule<'transpose'> = {
  backward: ({ dy, attrs: { perm } }) => {
    const inverse = new Array<number>(perm.length);
    perm.forEach((p, i) => {
      inverse[p] = i;
    });
    return [transpose(dy, inverse)];
  },
};
