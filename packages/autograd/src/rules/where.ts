import { where } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** where(c, a, b) passes dy to a where c holds and to b elsewhere; the bool condition gets none. */
export const whereGrad: GradRule<'where'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [condition], needsGrad }) => [
    null,
    needsGrad[1] ? where(condition, dy, 0) : null,
    needsGrad[2] ? where(condition, 0, dy) : null,
  ],
};
