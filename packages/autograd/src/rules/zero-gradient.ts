import { zerosLike } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * The rule of a piecewise-constant op (sign, step, floor, ceil, round): its derivative is 0
 * wherever it exists, and 0 is also the subgradient used at the jumps.
 */
export function zeroGradient<K extends 'sign' | 'step' | 'floor' | 'ceil' | 'round'>(): GradRule<K> {
  return { backward: ({ dy }) => [zerosLike(dy)] };
}
