import { InvalidArgumentError } from 'commander';

/** Parses a flag value as an integer ≥ `min` (commander reports the error with the usage). */
export function integerFlag(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^[-+]?\d+$/.test(value.trim()) || n < min)
      throw new InvalidArgumentError(`expected an integer ≥ ${min}.`);
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
