import { disposeTensor, runInPlace, runOp, shareData } from '../engine';
import { ShapeError } from '../errors/shape-error';
import { shapesEqual } from '../shape';
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

/**
 * Copies `value` into `target`'s buffer in place (converting dtype), so every handle sharing the
 * buffer sees the new values. Not recorded by autograd: use it for parameter updates.
 *
 * @example
 * assign(weight, weight.sub(grad.mul(lr)));
 */
export function assign(target: Tensor, value: Tensor): Tensor {
  if (!shapesEqual(target.shape, value.shape)) throw new ShapeError('assign', 'shapes differ', { target: target.shape, value: value.shape });
  runInPlace(castOp, [value], { dtype: target.dtype }, [target]);
  return target;
}
