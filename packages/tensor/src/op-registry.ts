import type { OpAttrs, OpName } from './op-attrs';
import type { DType, Shape } from './types';

/** Shape and dtype of an op input or output, as `infer` sees them. */
export interface TensorSpec {
  readonly shape: Shape;
  readonly dtype: DType;
}

/** The single definition of a primitive op: its name, input names and shape/dtype inference. */
export interface OpDef<K extends OpName = OpName> {
  readonly name: K;
  /** Input names, used in error messages and by gradient rules. */
  readonly inputs: readonly string[];
  /**
   * Validates the inputs (shapes, dtypes, attribute values) and returns the output specs.
   * Throws `ShapeError`, `DTypeError` or `ArgumentError` naming the op and operands.
   */
  infer(inputs: readonly TensorSpec[], attrs: OpAttrs[K]): TensorSpec[];
  /** A view op shares its input's buffer instead of running a kernel (reshape). */
  readonly isView?: boolean;
}

const registry = new Map<OpName, OpDef>();

/** Registers a primitive op. Each name is defined exactly once. */
export function defineOp<K extends OpName>(def: OpDef<K>): OpDef<K> {
  if (registry.has(def.name)) throw new Error(`op ${def.name} is defined twice`);
  registry.set(def.name, def as unknown as OpDef);
  return def;
}

/** Every registered primitive op, for tests that walk the registry (gradients, backends). */
export function listOps(): readonly OpDef[] {
  return [...registry.values()];
}

/** The definition of `name`, if registered. */
export function getOpDef(name: OpName): OpDef | undefined {
  return registry.get(name);
}
