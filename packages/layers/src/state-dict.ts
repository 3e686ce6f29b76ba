import { ArgumentError, assign, DisposedTensorError, shapesEqual, Tensor } from '@nagare/tensor';
import { type ShapeMismatch, StateDictError } from './errors/state-dict-error';
import type { AnyModule } from './module';
import { joinName } from './module-tree';

/** Parameters and persistent buffers by dotted name, e.g. `{ 'features.0.weight': Tensor }`. */
export type StateDict = Record<string, Tensor>;

/** Options of `Module.loadStateDict`. */
export interface LoadStateDictOptions {
  /** Require exactly the model's keys (default true); shapes must match either way. */
  strict?: boolean;
}

/** The keys a non-strict `loadStateDict` skipped. */
export interface LoadStateDictResult {
  /** Model keys the state dict had no value for (left unchanged). */
  missingKeys: string[];
  /** State dict keys the model has no tensor for (ignored). */
  unexpectedKeys: string[];
}

/**
 * The state dict of `module`. Like PyTorch, a module reachable under two paths (weight tying)
 * contributes its tensors under both, so the keys match a PyTorch state dict of the same model.
 */
export function stateDict(module: AnyModule): StateDict {
  const dict: StateDict = {};
  const visit = (path: string, current: AnyModule, ancestors: Set<AnyModule>): void => {
    for (const [name, tensor] of current.namedParameters({ recurse: false }))
      dict[joinName(path, name)] = tensor;
    for (const [name, tensor] of current.namedBuffers({ recurse: false })) {
      if (current.isPersistentBuffer(name)) dict[joinName(path, name)] = tensor;
    }
    const inside = new Set(ancestors).add(current);
    for (const [name, child] of current.namedChildren()) {
      if (!inside.has(child)) visit(joinName(path, name), child, inside);
    }
  };
  visit('', module, new Set());
  return dict;
}

/** What a value is, for messages: `undefined`, `an array`, `a number`, `a Module`. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return `a ${typeof value}`;
  return `a ${value.constructor?.name ?? 'null-prototype object'}`;
}

/**
 * The entries of a state dict argument, checked before anything is copied: it must be a plain
 * object or a Map of string keys to live tensors, and options an object with a boolean `strict`.
 */
function checkedEntries(dict: unknown, options: unknown): Map<string, Tensor> {
  const op = 'loadStateDict';
  if (options !== undefined && (options === null || typeof options !== 'object'))
    throw new ArgumentError(op, `options must be an object, got ${describe(options)}`);
  const strict = (options as LoadStateDictOptions | undefined)?.strict;
  if (strict !== undefined && typeof strict !== 'boolean')
    throw new ArgumentError(op, `options.strict must be a boolean, got ${describe(strict)}`);
  const isPlainObject =
    dict !== null &&
    typeof dict === 'object' &&
    [Object.prototype, null].includes(Object.getPrototypeOf(dict) as object | null);
  if (!(dict instanceof Map) && !isPlainObject) {
    // A module passed where its state dict belongs is the likely mistake: say so.
    const hint =
      typeof (dict as { stateDict?: unknown })?.stateDict === 'function' ? ' (pass module.stateDict())' : '';
    throw new ArgumentError(
      op,
      `the state dict must be a plain object or a Map of tensors, got ${describe(dict)}${hint}`,
    );
  }
  const entries = new Map<unknown, unknown>(dict instanceof Map ? dict : Object.entries(dict as object));
  for (const [key, value] of entries) {
    if (typeof key !== 'string') throw new ArgumentError(op, `keys must be strings, got ${describe(key)}`);
    if (!(value instanceof Tensor))
      throw new ArgumentError(op, `value of "${key}" must be a Tensor, got ${describe(value)}`);
    if (value.isDisposed) throw new DisposedTensorError(op, `value of "${key}"`);
  }
  return entries as Map<string, Tensor>;
}

/**
 * Checks `dict` against `module`'s state dict and, when it fits, copies every value in place.
 * Every check (argument types, disposed values, keys, shapes) runs before the first copy, so a
 * failed load leaves the module unchanged.
 */
export function loadStateDict(
  module: AnyModule,
  dict: StateDict | ReadonlyMap<string, Tensor>,
  options: LoadStateDictOptions = {},
): LoadStateDictResult {
  const given = checkedEntries(dict, options);
  const strict = options.strict ?? true;
  const own = new Map(Object.entries(stateDict(module)));
  const missingKeys = [...own.keys()].filter((key) => !given.has(key));
  const unexpectedKeys = [...given.keys()].filter((key) => !own.has(key));
  const shapeMismatches: ShapeMismatch[] = [];
  for (const [key, value] of given) {
    const target = own.get(key);
    if (target && !shapesEqual(target.shape, value.shape)) {
      shapeMismatches.push({ key, expected: target.shape, received: value.shape });
    }
  }
  if (shapeMismatches.length > 0 || (strict && (missingKeys.length > 0 || unexpectedKeys.length > 0))) {
    throw new StateDictError('loadStateDict', missingKeys, unexpectedKeys, shapeMismatches);
  }
  for (const [key, value] of given) {
    const target = own.get(key);
    if (target) assign(target, value);
  }
  return { missingKeys, unexpectedKeys };
}
