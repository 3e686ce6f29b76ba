import { ArgumentError, assign, isFloat, type Tensor } from '@nagare/tensor';
import type { RandomSource } from '../random';

/** Options of the random initializers: a seed or a generator (the default generator otherwise). */
export type InitOptions = RandomSource;

/** Copies `source` into `target` in place and frees `source`. Returns `target`. */
export function fillWith(op: string, target: Tensor, make: () => Tensor): Tensor {
  if (!isFloat(target.dtype)) throw new ArgumentError(op, `expected a float tensor, got ${target.dtype}`);
  const source = make();
  try {
    assign(target, source);
  } finally {
    source.dispose();
  }
  return target;
}

/** Throws unless `value` is a finite number. */
export function checkFinite(op: string, name: string, value: number): void {
  if (!Number.isFinite(value)) throw new ArgumentError(op, `${name} must be a finite number, got ${value}`);
}
