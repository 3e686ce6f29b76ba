import { getBackend } from '../engine/active-backend';
import { fromValues } from '../engine/handles';
import { disposeTensor } from '../engine/lifetime';
import { ArgumentError } from '../errors/argument-error';
import { describeValue } from '../operand';
import { Tensor } from '../tensor';
import { allocArray, type DType } from '../types';

/** The attributes of an op that takes none: one frozen object shared by every call. */
export const NO_ATTRS: Readonly<Record<string, never>> = Object.freeze({});

/** A tensor or a plain number (a number becomes a scalar tensor of a matching dtype). */
export type TensorLike = Tensor | number;

/** The dtype a bare number takes next to an operand of `dtype` (PyTorch's "weak" scalar rule). */
export function scalarDType(value: number, dtype: DType): DType {
  if (dtype === 'float32' || dtype === 'float64') return dtype;
  return Number.isInteger(value) ? 'int32' : 'float32';
}

/** A scalar tensor holding `value`, on `backend` (the active one by default). */
export function scalarTensor(value: number, dtype: DType, backend = getBackend()): Tensor {
  const values = allocArray(dtype, 1);
  values[0] = value;
  return fromValues(values, [], dtype, backend);
}

/** Converts two operands of a binary op, turning a number into a scalar tensor next to the other. */
export function toTensorPair(op: string, a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  if (a instanceof Tensor && b instanceof Tensor) return [a, b];
  if (a instanceof Tensor)
    return [a, scalarTensor(checkNumber(op, 'b', b), scalarDType(b as number, a.dtype), a.storage.backend)];
  if (b instanceof Tensor)
    return [scalarTensor(checkNumber(op, 'a', a), scalarDType(a, b.dtype), b.storage.backend), b];
  const dtype = Number.isInteger(a) && Number.isInteger(b) ? 'int32' : 'float32';
  return [scalarTensor(checkNumber(op, 'a', a), dtype), scalarTensor(checkNumber(op, 'b', b), dtype)];
}

function checkNumber(op: string, name: string, value: unknown): number {
  if (typeof value !== 'number')
    throw new ArgumentError(op, `${name} must be a Tensor or a number, got ${describeValue(value)}`);
  return value;
}

/**
 * Frees the scalar tensors `toTensorPair`/`toTensor` made from plain numbers once the op has run,
 * so `x.add(1)` outside `tidy` leaks nothing. (Autograd keeps what it saves with `shareData`.)
 */
export function disposeConverted(operands: readonly TensorLike[], tensors: readonly Tensor[]): void {
  operands.forEach((operand, i) => {
    if (!(operand instanceof Tensor)) disposeTensor(tensors[i]);
  });
}
