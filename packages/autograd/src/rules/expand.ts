import type { GradRule } from '../grad-rule';

/** Broadcasting copies elements; the engine sums dy back over the broadcast axes. */
export const expandGrad: GradRule<'expand'> = {
  backward: ({ dy }) => [dy],
};
