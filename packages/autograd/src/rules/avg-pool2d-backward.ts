import { avgPool2d } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** avgPool2dBackward is the transpose of the (linear) average pooling, so its own adjoint is avgPool2d. */
export const avgPool2dBackwardGrad: GradRule<'avgPool2dBackward'> = {
  backward: ({ dy: g, attrs: { kernelSize, stride, padding, dilation, ceilMode, countIncludePad } }) => [
    avgPool2d(g, { kernelSize, stride, padding, dilation, ceilMode, countIncludePad }),
  ],
};
