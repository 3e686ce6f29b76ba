import { slice } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** Each input owns a block of the output along the axis: its gradient is that block of dy. */
export const concatGrad: GradRule<'concat'> = {
  backward: ({ dy, inputShapes, attrs: { axis }, needsGrad }) => {
    let start = 0;
    return inputShapes.map((shape, i) => {
      const stop = start + shape[axis];
      const block = needsGrad[i] ? slice(dy, [start], [stop], { axes: [axis] }) : null;
      start = stop;
      return block;
    });
  },
};
