import { ArgumentError } from '../errors/argument-error';
import { Tensor } from '../tensor';
import { disposeTensor, scopeStack } from './lifetime';

/** Disposes every tensor of a finished scope except `kept` (a set of tensors, or one tensor). */
function disposeScope(scope: Set<Tensor>, kept: ReadonlySet<Tensor> | Tensor | null): void {
  for (const tensor of scope) {
    if (kept !== null && (kept instanceof Tensor ? kept === tensor : kept.has(tensor))) continue;
    // The scope is dropped whole: no need to delete each tensor from it.
    tensor.tidyScope = null;
    disposeTensor(tensor);
  }
}

/**
 * Runs `fn` and disposes every tensor it created except those it returns (a tensor, or tensors
 * inside arrays and plain objects). Returned tensors belong to the enclosing scope.
 *
 * @example
 * const y = tidy(() => x.mul(2).add(1)); // the intermediate x*2 is freed
 */
export function tidy<T>(fn: () => T): T {
  const scope = new Set<Tensor>();
  scopeStack.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (error) {
    // A failed step must not leak what it allocated before throwing.
    disposeScope(scope, null);
    throw error;
  } finally {
    scopeStack.pop();
  }
  if (result instanceof Promise) {
    disposeScope(scope, null);
    throw new ArgumentError(
      'tidy',
      'the function must not be async (tensors created after an await escape the scope)',
    );
  }
  // A step that returns nothing or a number (the usual training loop) needs no kept set.
  if (result === null || typeof result !== 'object') {
    disposeScope(scope, null);
    return result;
  }
  const parent = scopeStack.length > 0 ? scopeStack[scopeStack.length - 1] : null;
  // One returned tensor (a layer's forward) needs no sets to find what to keep.
  if (result instanceof Tensor) {
    disposeScope(scope, result);
    if (result.tidyScope === scope) adoptInto(parent, result);
    return result;
  }
  const kept = new Set<Tensor>();
  collectTensors(result, kept);
  disposeScope(scope, kept);
  for (const tensor of kept) if (tensor.tidyScope === scope) adoptInto(parent, tensor);
  return result;
}

/** Moves a tensor returned from a finished scope into the enclosing one (or none). */
function adoptInto(parent: Set<Tensor> | null, tensor: Tensor): void {
  tensor.tidyScope = parent;
  parent?.add(tensor);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function collectTensors(value: unknown, into: Set<Tensor>, seen = new Set<object>()): void {
  if (value instanceof Tensor) into.add(value);
  else if (value && typeof value === 'object' && !seen.has(value)) {
    // `seen` stops at cycles (a result object that refers back to itself).
    seen.add(value);
    if (Array.isArray(value)) for (const item of value) collectTensors(item, into, seen);
    else if (isPlainObject(value)) for (const item of Object.values(value)) collectTensors(item, into, seen);
  }
}
