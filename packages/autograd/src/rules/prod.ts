import { cast, div, eq, mul, prod, reshape, sum, where } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';
import { keptShape } from './kept-shape';

/**
 * ∂(Π x)/∂xᵢ = the product of the other elements. y/xᵢ would divide by zero, so zeros are
 * counted: with no zero it is P/xᵢ (P = product of the non-zero elements); with exactly one
 * zero only that element gets P; with two or more every partial derivative is 0.
 */
export const prodGrad: GradRule<'prod'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x], attrs: { axes } }) => {
    const isZero = eq(x, 0);
    const zeroCount = sum(cast(isZero, x.dtype), axes, { keepDims: true });
    const nonZero = where(isZero, 1, x);
    const product = prod(nonZero, axes, { keepDims: true });
    const atNonZero = where(eq(zeroCount, 0), div(product, nonZero), 0);
    const atZero = where(eq(zeroCount, 1), product, 0);
    return [mul(reshape(dy, keptShape(x.shape, axes)), where(isZero, atZero, atNonZero))];
  },
};
