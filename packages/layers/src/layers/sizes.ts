import { ArgumentError } from '@nagare/tensor';

/** A value as an error message shows it: numbers as they are, anything else as JSON (`"3"`). */
function formatValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
}

/**
 * Throws an ArgumentError naming the layer and the argument unless `value` is a positive integer.
 * Layer sizes (features, channels, hidden size, kernel) are checked here, at construction, so a
 * zero or fractional size never reaches an initializer whose message would not name the layer.
 *
 * @example
 * checkPositiveInteger('Linear', 'inFeatures', 0); // Linear: inFeatures must be a positive integer, got 0
 */
export function checkPositiveInteger(layer: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new ArgumentError(layer, `${name} must be a positive integer, got ${formatValue(value)}`);
}

/** Like `checkPositiveInteger` for each of `values` (a kernel size `[kH, kW]`, strides…). */
export function checkPositiveIntegers(layer: string, name: string, values: readonly unknown[]): void {
  if (values.some((value) => typeof value !== 'number' || !Number.isInteger(value) || value < 1))
    throw new ArgumentError(layer, `${name} must be positive integers, got ${formatValue(values)}`);
}
