import { avgPool2dBackward } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** Each output is a weighted sum of its window, so dy is spread back by the same weights. */
export const avgPool2dGrad: GradRule<'avgPool2d'> = {
  backward: ({ dy, inputShapes: [shape], attrs }) => [avgPool2dBackward(dy, shape, attrs)],
};
