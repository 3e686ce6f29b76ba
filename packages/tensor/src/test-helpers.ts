// Helpers for this package's own tests (not exported: other packages use @nagare/tensor/testing).
import { expect } from 'vitest';
import { isNagareError, type NagareError } from './errors/nagare-error';

/** Runs `fn` and returns what it threw; fails the test when it returns normally. */
export function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned');
}

/**
 * Asserts `fn` throws an instance of `errorClass` with the given `op` and `code`, and (when given)
 * exactly `message`, or a message containing every fragment of `messageParts`.
 */
export function expectNagareError(
  fn: () => unknown,
  errorClass: abstract new (...args: never[]) => NagareError,
  expected: { op: string; code: string; message?: string; messageParts?: string[] },
): NagareError {
  const error = catchError(fn);
  expect(error).toBeInstanceOf(errorClass);
  expect(isNagareError(error)).toBe(true);
  const nagareError = error as NagareError & { op: string };
  expect(nagareError.op).toBe(expected.op);
  expect(nagareError.code).toBe(expected.code);
  if (expected.message !== undefined) expect(nagareError.message).toBe(expected.message);
  for (const part of expected.messageParts ?? []) expect(nagareError.message).toContain(part);
  return nagareError;
}
