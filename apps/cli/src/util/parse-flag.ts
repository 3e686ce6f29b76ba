import { InvalidArgumentError } from 'commander';
import { describeRange, type IntegerRange } from '../config/limits';

/**
 * Parses a flag value as an integer inside `range` (commander reports the error in one line).
 * Only plain digits count: "1e20", "1.5" and "0x10" are refused rather than rounded or reinterpreted.
 */
export function integerFlag(range: IntegerRange): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^[-+]?\d+$/.test(value.trim()) || n < range.min || n > range.max)
      throw new InvalidArgumentError(`expected ${describeRange(range)}.`);
    return n;
  };
}

/** Parses a flag value as a positive finite number (1e-3 and 0.001 both work). */
export function positiveNumberFlag(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('expected a positive number.');
  return n;
}

/** Parses a flag value as a finite number ≥ 0. */
export function nonNegativeNumberFlag(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected a number ≥ 0.');
  return n;
}
