import { tidy } from '../engine/tidy';
import { checkTensor } from '../operand';
import type { Tensor } from '../tensor';
import { isFloat } from '../types';
import { eq, logicalOr } from './binary';
import { abs, isNaN as isNaNOp, logicalNot } from './unary';

/**
 * True (bool) where x is +∞ or −∞.
 *
 * @example
 * isInf(tensor([1, Infinity, -Infinity, NaN])); // [false, true, true, false]
 */
export function isInf(x: Tensor): Tensor {
  checkTensor('isInf', 'x', x);
  // Integers and bools are never infinite; isNaN gives their all-false mask.
  return isFloat(x.dtype) ? tidy(() => eq(abs(x), Infinity)) : isNaNOp(x);
}

/**
 * True (bool) where x is neither NaN nor ±∞.
 *
 * @example
 * isFinite(tensor([1, Infinity, NaN])); // [true, false, false]
 */
// biome-ignore lint/suspicious/noShadowRestrictedNames: the tensor op is named like NumPy's and PyTorch's isfinite.
export function isFinite(x: Tensor): Tensor {
  checkTensor('isFinite', 'x', x);
  return tidy(() => logicalNot(logicalOr(isNaNOp(x), isInf(x))));
}
