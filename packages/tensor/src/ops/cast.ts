import { runInPlace, runOp } from '../engine/dispatch';
import { shareData } from '../engine/handles';
import { disposeTensor } from '../engine/lifetime';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import { shapesEqual } from '../shape';
import type { Tensor } from '../tensor';
import { DTYPES, type DType } from '../types';

const castOp = defineOp({
  name: 'cast',
  inputs: ['x'],
  infer: ([x], { dtype }) => {
    if (!DTYPES.includes(dtype)) throw new DTypeError('cast', `unknown dtype "${dtype}"`);
    return [{ shape: x.shape, dtype }];
  },
});

/**
 * Converts to `dtype`. Floats become int32 by truncation toward zero (NaN and ±∞ become 0); any
 * non-zero value, NaN included, becomes true.
 *
 * @example
 * cast(tensor([1.7, -1.7]), 'int32'); // [1, -1]
 */
export function cast(x: Tensor, dtype: DType): Tensor {
  return runOp(castOp, [x], { dtype })[0];
}

/**
 * A copy with its own buffer (recorded by autograd like any op).
 *
 * @example
 * const copy = clone(x); // writing into x later (assign) does not change copy
 */
export function clone(x: Tensor): Tensor {
  checkTensor('clone', 'x', x);
  return runOp(castOp, [x], { dtype: x.dtype })[0];
}

/**
 * A tensor sharing `x`'s data (no copy) but cut from the autograd graph. Owned by the enclosing
 * `tidy`, like any op result.
 *
 * @example
 * const frozen = detach(weight); // gradients do not flow into weight through frozen
 */
export function detach(x: Tensor): Tensor {
  checkTensor('detach', 'x', x);
  return shareData(x, x.shape, true);
}

/**
 * Frees a tensor or a list of tensors. Same as `x.dispose()`; disposing twice is harmless.
 *
 * @example
 * dispose([a, b]);
 */
export function dispose(x: Tensor | readonly Tensor[]): void {
  if (Array.isArray(x)) {
    x.forEach((t, i) => {
      // A disposed tensor is fine here (disposing twice is harmless); anything else is a mistake.
      if (!t?.isDisposed) checkTensor('dispose', `x[${i}]`, t);
      disposeTensor(t);
    });
  } else {
    if (!(x as Tensor)?.isDisposed) checkTensor('dispose', 'x', x);
    disposeTensor(x as Tensor);
  }
}

/**
 * Copies `value` into `target`'s buffer in place (converting dtype), so every handle sharing the
 * buffer sees the new values. Not recorded by autograd: use it for parameter updates.
 *
 * @example
 * assign(weight, weight.sub(grad.mul(lr)));
 */
export function assign(target: Tensor, value: Tensor): Tensor {
  checkTensor('assign', 'target', target);
  checkTensor('assign', 'value', value);
  if (!shapesEqual(target.shape, value.shape))
    throw new ShapeError('assign', 'shapes differ', { target: target.shape, value: value.shape });
  runInPlace(castOp, [value], { dtype: target.dtype }, [target]);
  return target;
}
