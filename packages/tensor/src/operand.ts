import { ArgumentError } from './errors/argument-error';
import { DisposedTensorError } from './errors/disposed-tensor-error';
import type { NagareError } from './errors/nagare-error';
import type { Tensor } from './tensor';

/** How a value that should have been a tensor reads in an error message: `an array`, `null`, `number`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array (wrap it with tensor())';
  return typeof value;
}

/**
 * The error for an op operand that is not a live tensor: `DisposedTensorError` for a disposed one,
 * `ArgumentError` naming the op and the argument for anything else (an array, a number, undefined).
 */
export function operandError(op: string, argument: string, value: unknown): NagareError {
  if ((value as Partial<Tensor> | null | undefined)?.isDisposed === true)
    return new DisposedTensorError(op, argument);
  return new ArgumentError(op, `${argument} must be a Tensor, got ${describeValue(value)}`);
}

/**
 * The one operand check every op entry runs before it reads a property of an operand. A live
 * tensor's `isDisposed` is exactly `false`, so one comparison tells a live tensor from a disposed
 * one and from anything that is no tensor at all (the dispatcher inlines the same test).
 */
export function checkTensor(op: string, argument: string, value: unknown): asserts value is Tensor {
  if ((value as Partial<Tensor> | null | undefined)?.isDisposed !== false)
    throw operandError(op, argument, value);
}
