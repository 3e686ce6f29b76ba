import type { GradRule } from '../grad-rule';

/** A cast between float dtypes is the identity; the engine casts dy back to the input's dtype. */
export const castGrad: GradRule<'cast'> = {
  backward: ({ dy }) => [dy],
};
