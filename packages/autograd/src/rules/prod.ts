import { cast, div, eq, mul, prod, reshape, sum, where } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';
import { keptShape } from './kept-shape';

/**
 * ∂(Π x)/∂xᵢ = the product of the other elements. Where xᵢ ≠ 0 that is y/xᵢ (y is the saved,
 * recorded output, so second derivatives flow through it). Where xᵢ = 0 it is the product of
 * the non-zero elements when xᵢ is the only zero, else 0. (Second derivatives at a slice with two
 * or more zeros are taken as 0 there.)
 */
export const prodGrad: GradRule<'prod'> = {
  save: 'both',
  backward: ({ dy, inputs: [x], outputs: [y], attrs: { axes } }) => {
    const kept = keptShape(x.shape, axes);
    const isZero = eq(x, 0);
    const nonZero = where(isZero, 1, x);
    const zeroCount = sum(cast(isZero, x.dtype), axes, { keepDims: true });
    const atZero = where(eq(zeroCount, 1), prod(nonZero, axes, { keepDims: true }), 0);
    const atNonZero = div(reshape(y, kept), nonZero);
    return [mul(reshape(dy, kept), where(isZero, atZero, atNonZero))];
  },
};
