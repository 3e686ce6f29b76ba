import { ArgumentError, DisposedTensorError, DTypeError, isFloat, Tensor } from '@nagare/tensor';
import type { LrValue } from './schedules/lr-schedule';

/** Options every optimizer has: the learning rate and both kinds of weight decay. */
export interface OptimizerOptions {
  /** Learning rate: a number or a schedule of the step count. */
  lr: LrValue;
  /** Coupled L2 weight decay (the lecture's weight decay): λ·w is added to the gradient. Default 0. */
  weightDecay: number;
  /** Decoupled weight decay (AdamW): w ← w − lr·λ·w, applied apart from the gradient. Default 0. */
  decoupledWeightDecay: number;
}

/** A group of parameters with its own options; options left out take the optimizer's defaults. */
export type ParamGroupInput<O> = Partial<O> & { params: Iterable<Tensor> };

/** What an optimizer is built from: parameters, or parameter groups with their own options. */
export type ParamsInput<O> = Iterable<Tensor> | Iterable<ParamGroupInput<O>>;

/** A parameter group as the optimizer holds it: every option resolved. Edit options between steps. */
export type ParamGroup<O> = O & { readonly params: readonly Tensor[] };

/** Splits the constructor's input into group inputs (a plain list of tensors is one group). */
export function toGroupInputs<O>(op: string, params: ParamsInput<O>): ParamGroupInput<O>[] {
  if (
    params instanceof Tensor ||
    params === null ||
    typeof (params as Iterable<unknown>)?.[Symbol.iterator] !== 'function'
  ) {
    throw new ArgumentError(
      op,
      'params must be an iterable of tensors or of parameter groups ({ params, ...options })',
    );
  }
  const items = [...(params as Iterable<Tensor | ParamGroupInput<O>>)];
  if (items.length === 0) throw new ArgumentError(op, 'got an empty parameter list');
  if (items.every((item) => item instanceof Tensor))
    return [{ params: items as Tensor[] } as unknown as ParamGroupInput<O>];
  if (items.some((item) => item instanceof Tensor))
    throw new ArgumentError(op, 'mixes tensors and parameter groups in one list');
  return items as ParamGroupInput<O>[];
}

/** How messages name parameter `index` of group `group`: `parameter 2`, `parameter 0 of group 1`. */
export function paramLabel(group: number, index: number): string {
  return group === 0 ? `parameter ${index}` : `parameter ${index} of group ${group}`;
}

/**
 * Checks the parameters of group number `group`: live float tensors that require grad, none seen
 * before. A frozen parameter (`requiresGrad: false`) never gets a gradient, so listing it is
 * almost always a mistake (a model frozen after the optimizer was built is still fine: those
 * parameters are skipped). Returns them as an array.
 */
export function checkGroupParams(
  op: string,
  params: unknown,
  seen: ReadonlySet<Tensor>,
  group = 0,
): Tensor[] {
  if (params === null || typeof (params as Iterable<unknown>)?.[Symbol.iterator] !== 'function') {
    throw new ArgumentError(op, 'a parameter group needs a params iterable');
  }
  const list = [...(params as Iterable<unknown>)];
  if (list.length === 0) throw new ArgumentError(op, 'a parameter group has no parameters');
  const inGroup = new Set<Tensor>();
  list.forEach((param, i) => {
    const label = paramLabel(group, i);
    if (!(param instanceof Tensor))
      throw new ArgumentError(op, `${label} is not a tensor (got ${typeof param})`);
    if (param.isDisposed) throw new DisposedTensorError(op, label);
    if (!isFloat(param.dtype))
      throw new DTypeError(op, `${label} must be a float tensor`, { [`param ${i}`]: param.dtype });
    if (!param.requiresGrad) {
      throw new ArgumentError(
        op,
        `${label} does not require grad, so it would never be updated: pass only trainable parameters, or call requiresGrad_() on it`,
      );
    }
    if (seen.has(param) || inGroup.has(param)) throw new ArgumentError(op, `${label} appears more than once`);
    inGroup.add(param);
  });
  return list as Tensor[];
}

/** `overrides` without its undefined entries, so they do not hide the defaults. */
export function definedEntries<T extends object>(overrides: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
