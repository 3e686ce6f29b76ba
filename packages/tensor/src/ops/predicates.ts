import type { Tensor } from '../tensor';
import { eq, logicalOr } from './binary';
import { abs, isNaN, logicalNot } from './unary';

/** True where x is +∞ or −∞. */
export function isInf(x: Tensor): Tensor {
  return eq(abs(x), Infinity);
}

/** True where x is neither NaN nor ±∞. */
export function isFinite(x: Tensor): Tensor {
  return logicalNot(logicalOr(isNaN(x), isInf(x)));
}
