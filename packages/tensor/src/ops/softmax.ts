import { runOp } from '../engine/dispatch';
import { DTypeError } from '../errors/dtype-error';
import { defineOp, type OpDef } from '../op-registry';
import { checkTensor } from '../operand';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';
import { isFloat } from '../types';

function defineSoftmax<K extends 'softmax' | 'logSoftmax'>(name: K): OpDef<K> {
  return defineOp({
    name,
    inputs: ['x'],
    infer: ([x]) => {
      if (!isFloat(x.dtype)) throw new DTypeError(name, 'expected a float input', { x: x.dtype });
      return [{ shape: x.shape, dtype: x.dtype }];
    },
  });
}

const softmaxOp = defineSoftmax('softmax');
const logSoftmaxOp = defineSoftmax('logSoftmax');

/**
 * exp(x) / Σ exp(x) along `axis` (default the last), with the max subtracted first so large
 * logits cannot overflow.
 *
 * @example
 * softmax(tensor([1, 2, 3])); // [0.090, 0.245, 0.665]
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  checkTensor('softmax', 'x', x);
  return runOp(softmaxOp, [x], { axis: normalizeAxis('softmax', axis, x.rank) })[0];
}

/**
 * log(softmax(x)) along `axis` (default the last), computed as x − logsumexp(x) without forming
 * softmax, so it stays finite where softmax underflows to 0.
 *
 * @example
 * logSoftmax(tensor([1000, 0])); // [0, -1000]
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  checkTensor('logSoftmax', 'x', x);
  return runOp(logSoftmaxOp, [x], { axis: normalizeAxis('logSoftmax', axis, x.rank) })[0];
}
