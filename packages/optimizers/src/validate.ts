import { ArgumentError } from '@nagare/tensor';

/** The bounds of a numeric option; `open` excludes that end. */
export interface Range {
  min?: number;
  max?: number;
  openMin?: boolean;
  openMax?: boolean;
  isInteger?: boolean;
}

/** Throws an ArgumentError naming `op` and `name` unless `value` is a finite number inside `range`. */
export function checkNumber(op: string, name: string, value: unknown, range: Range = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ArgumentError(op, `${name} must be a finite number (got ${String(value)})`);
  }
  const { min = -Infinity, max = Infinity, openMin = false, openMax = false, isInteger = false } = range;
  const isBelow = openMin ? value <= min : value < min;
  const isAbove = openMax ? value >= max : value > max;
  if (isBelow || isAbove) {
    throw new ArgumentError(
      op,
      `${name} must be in ${openMin ? '(' : '['}${min}, ${max}${openMax ? ')' : ']'} (got ${value})`,
    );
  }
  if (isInteger && !Number.isInteger(value))
    throw new ArgumentError(op, `${name} must be an integer (got ${value})`);
  return value;
}

/** A probability-like coefficient in [0, 1). */
export const UNIT_INTERVAL: Range = { min: 0, max: 1, openMax: true };

/** A non-negative number. */
export const NON_NEGATIVE: Range = { min: 0 };

/** A positive integer. */
export const POSITIVE_INTEGER: Range = { min: 1, isInteger: true };

/** Throws unless `value` is a boolean. */
export function checkBoolean(op: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw new ArgumentError(op, `${name} must be true or false (got ${String(value)})`);
  return value;
}

/** Throws unless `value` is a pair of coefficients in [0, 1) (Adam's betas). */
export function checkBetas(op: string, value: unknown): readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2)
    throw new ArgumentError(op, `betas must be a pair [beta1, beta2] (got ${String(value)})`);
  return [
    checkNumber(op, 'betas[0]', value[0], UNIT_INTERVAL),
    checkNumber(op, 'betas[1]', value[1], UNIT_INTERVAL),
  ];
}
