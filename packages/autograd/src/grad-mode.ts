import { ArgumentError } from '@nagare/tensor';

let isEnabled = true;

/**
 * True while ops are recorded for autograd (the default; false inside `noGrad`).
 *
 * @example
 * noGrad(() => isGradEnabled()); // false
 */
export function isGradEnabled(): boolean {
  return isEnabled;
}

/** Runs `fn` with recording switched on or off, restoring the previous mode afterwards. */
export function withGradMode<T>(enabled: boolean, op: string, fn: () => T): T {
  const previous = isEnabled;
  isEnabled = enabled;
  let result: T;
  try {
    result = fn();
  } finally {
    isEnabled = previous;
  }
  if (result instanceof Promise) {
    // Ops after an `await` would run after the mode was restored: refuse instead of silently recording.
    throw new ArgumentError(op, 'the function must not be async');
  }
  return result;
}

/**
 * Runs `fn` without recording any op for autograd: nothing it computes has a gradient, and no
 * tensor is saved for a backward pass. Use it for evaluation and parameter updates.
 *
 * @example
 * const accuracy = noGrad(() => mean(eq(argmax(model(x), 1), labels)));
 */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, 'noGrad', fn);
}

/**
 * Runs `fn` with recording switched back on, even inside `noGrad`.
 *
 * @example
 * noGrad(() => enableGrad(() => mul(x, x))).requiresGrad; // true when x requires grad
 */
export function enableGrad<T>(fn: () => T): T {
  return withGradMode(true, 'enableGrad', fn);
}
