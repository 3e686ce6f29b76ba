import type { GradRule } from '../grad-rule';

/** ∂(a + b)/∂a = ∂(a + b)/∂b = 1; the engine sums each back over its broadcast axes. */
export const addGrad: GradRule<'add'> = {
  backward: ({ dy }) => [dy, dy],
};
