import { gather } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** scatterAdd(x, i, u) = x + Sᵢu: x gets dy unchanged, u gets Sᵢᵀdy = gather(dy, i). */
export const scatterAddGrad: GradRule<'scatterAdd'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [, indices], attrs: { axis }, needsGrad }) => [
    dy,
    null,
    needsGrad[2] ? gather(dy, indices, axis) : null,
  ],
};
