import { ArgumentError, assign, shapesEqual, Tensor } from '@nagare/tensor';
import { type ShapeMismatch, StateDictError } from './errors/state-dict-error';
import type { AnyModule } from './module';

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

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

/**
 * The state dict of `module`. Like PyTorch, a module reachable under two paths (weight tying)
 * contributes its tensors under both, so the keys match a PyTorch state dict of the same model.
 */
export function stateDict(module: AnyModule): StateDict {
  const dict: StateDict = {};
  const visit = (path: string, current: AnyModule, ancestors: Set<AnyModule>): void => {
    for (const [name, tensor] of current.namedParameters({ recurse: false })) dict[join(path, name)] = tensor;
    for (const [name, tensor] of current.namedBuffers({ recurse: false })) {
      if (current.isPersistentBuffer(name)) dict[join(path, name)] = tensor;
    }
    const inside = new Set(ancestors).add(current);
    for (const [name, child] of current.namedChildren()) {
      if (!inside.has(child)) visit(join(path, name), child, inside);
    }
  };
  visit('', module, new Set());
  return dict;
}

/** Checks `dict` against `module`'s state dict and, when it fits, copies every value in place. */
export function loadStateDict(
  module: AnyModule,
  dict: StateDict | ReadonlyMap<string, Tensor>,
  { strict = true }: LoadStateDictOptions = {},
): LoadStateDictResult {
  const given = new Map<string, Tensor>(dict instanceof Map ? dict : Object.entries(dict));
  const own = new Map(Object.entries(stateDict(module)));
  for (const [key, value] of given) {
    if (!(value instanceof Tensor))
      throw new ArgumentError('loadStateDict', `value of "${key}" is not a Tensor`);
  }
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
