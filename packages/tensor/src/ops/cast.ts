import { disposeTensor, runOp, shareData } from '../engine';
import { ArgumentError } from '../errors/argument-error';
import { defineOp } from '../op-registry';
import type { Tensor } from '../tensor';
import { DTYPES, type DType } from '../types';

const castOp = defineOp({
  name: 'cast',
  inputs: ['x'],
  infer: ([x], { dtype }) => [{ shape: x.shape, dtype }],
});

/**
 * Converts to `dtype`. Floats become int32 by truncation toward zero; any non-zero value is true.
 *
 * @example
 * cast(tensor([1.7, -1.7]), 'int32'); // [1, -1]
 */
export function cast(x: Tensor, dtype: DType): Tensor {
  if (!DTYPES.includes(dtype)) throw new ArgumentError('cast', `unknown dtype "${dtype}"`);
  return runOp(castOp, [x], { dtype })[0];
}

/** A copy with its own buffer (recorded by autograd like any op). */
export function clone(x: Tensor): Tensor {
  return runOp(castOp, [x], { dtype: x.dtype })[0];
}

/** A tensor sharing `x`'s data but cut from the autograd graph. Owned by the enclosing `tidy`. */
export function detach(x: Tensor): Tensor {
  return shareDataTracked(x);
}

function shareDataTracked(x: Tensor): Tensor {
  if (x.isDisposed) throw new ArgumentError('detach', 'the tensor was disposed');
  return shareData(x);
}

/** Frees a tensor. Same as `x.dispose()`. */
export function dispose(x: Tensor | readonly Tensor[]): void {
  if (Array.isArray(x)) for (const t of x) disposeTensor(t);
  else disposeTensor(x as Tensor);
}
