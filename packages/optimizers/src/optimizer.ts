import {
  ArgumentError,
  cast,
  clone,
  DisposedTensorError,
  full,
  keep,
  ShapeError,
  shapesEqual,
  type Tensor,
} from '@nagare/tensor';
import {
  checkGroupParams,
  definedEntries,
  type OptimizerOptions,
  type ParamGroup,
  type ParamGroupInput,
  type ParamsInput,
  paramLabel,
  toGroupInputs,
} from './param-groups';
import { isStatefulSchedule, type LrValue } from './schedules/lr-schedule';
import type { OptimizerStateDict, OptionValue, ParamGroupStateDict, ParamState } from './state-dict';
import { checkNumber, NON_NEGATIVE } from './validate';

/**
 * The base of every optimizer: parameter groups with their own options, `step()` through fused
 * in-place kernels, `zeroGrad()`, and `stateDict()`/`loadStateDict()` for exact resumption.
 * Parameters are float tensors whose `.grad` autograd fills; parameters without a gradient are
 * skipped.
 *
 * @example
 * const optimizer = new Adam(model.parameters(), { lr: 1e-3 });
 * loss.backward(); optimizer.step(); optimizer.zeroGrad();
 */
export abstract class Optimizer<O extends OptimizerOptions = OptimizerOptions> {
  /** The parameter groups, options resolved. Options may be edited between steps. */
  readonly paramGroups: ParamGroup<O>[] = [];
  readonly #state = new Map<Tensor, ParamState>();
  readonly #defaults: O;
  #stepCount = 0;

  /** `name` prefixes error messages (`'Adam'`); `defaults` fill options a group leaves out. */
  protected constructor(
    readonly name: string,
    params: ParamsInput<O>,
    defaults: O,
  ) {
    this.#defaults = defaults;
    for (const group of toGroupInputs(name, params)) this.addParamGroup(group);
  }

  /** Steps taken so far: the step count every lr schedule is evaluated at. */
  get stepCount(): number {
    return this.#stepCount;
  }

  /** The lr the next step uses in the first group (a schedule is evaluated at `stepCount`). */
  get lr(): number {
    return this.#resolveLr(this.paramGroups[0].lr);
  }

  /** Sets every group's lr to a number or a schedule. */
  set lr(value: LrValue) {
    this.#checkLr(value);
    for (const group of this.paramGroups) group.lr = value;
  }

  /** The lr the next step uses in each group. */
  get lrs(): number[] {
    return this.paramGroups.map((group) => this.#resolveLr(group.lr));
  }

  /** Adds a group of parameters with its own options (the rest from the optimizer's defaults). */
  addParamGroup(input: ParamGroupInput<O>): void {
    const { params, ...overrides } = input;
    const seen = new Set(this.paramGroups.flatMap((group) => group.params));
    const list = checkGroupParams(this.name, params, seen, this.paramGroups.length);
    const options = { ...this.#defaults, ...definedEntries(overrides) } as O;
    this.#checkLr(options.lr);
    checkNumber(this.name, 'weightDecay', options.weightDecay, NON_NEGATIVE);
    checkNumber(this.name, 'decoupledWeightDecay', options.decoupledWeightDecay, NON_NEGATIVE);
    this.checkOptions(options);
    this.paramGroups.push({ ...options, params: list });
  }

  /** Updates every parameter that has a gradient, in place, then advances `stepCount`. */
  step(): void {
    this.#checkParamsAlive();
    for (const group of this.paramGroups) {
      const lr = this.#resolveLr(group.lr);
      for (const param of group.params) {
        const grad = param.grad;
        if (grad === null) continue;
        const state = this.#stateOf(param);
        state.step++;
        try {
          this.updateParam(param, grad, state, group, lr);
        } catch (error) {
          state.step--;
          throw error;
        }
      }
    }
    this.#stepCount++;
  }

  /** Frees every parameter's gradient (sets `.grad` to null), ready for the next backward pass. */
  zeroGrad(): void {
    for (const group of this.paramGroups) for (const param of group.params) param.zeroGrad();
  }

  /** A copy of everything needed to resume exactly; see `OptimizerStateDict`. */
  stateDict(): OptimizerStateDict {
    const params = this.#allParams();
    let offset = 0;
    const paramGroups = this.paramGroups.map((group): ParamGroupStateDict => {
      const { params: groupParams, lr, ...rest } = group;
      const indices = groupParams.map((_, i) => offset + i);
      offset += groupParams.length;
      const options: Record<string, OptionValue> = {};
      for (const [key, value] of Object.entries(rest))
        options[key] = Array.isArray(value) ? [...value] : (value as OptionValue);
      if (typeof lr === 'number') return { params: indices, options: { ...options, lr } };
      return { params: indices, options, schedule: isStatefulSchedule(lr) ? lr.stateDict() : {} };
    });
    const state: OptimizerStateDict['state'] = {};
    params.forEach((param, index) => {
      const paramState = this.#state.get(param);
      if (!paramState) return;
      const tensors: Record<string, Tensor> = {};
      for (const [key, tensor] of paramState.tensors) tensors[key] = clone(tensor);
      state[index] = { step: paramState.step, tensors };
    });
    return { stepCount: this.#stepCount, paramGroups, state };
  }

  /**
   * Restores a state dict saved by an optimizer of the same kind over the same parameters (same
   * groups, same order). Values are copied: the dict's tensors stay the caller's.
   */
  loadStateDict(dict: OptimizerStateDict): void {
    const op = `${this.name}.loadStateDict`;
    checkNumber(op, 'stepCount', dict?.stepCount, { min: 0, isInteger: true });
    if (!Array.isArray(dict.paramGroups) || dict.paramGroups.length !== this.paramGroups.length) {
      throw new ArgumentError(
        op,
        `the dict has ${dict.paramGroups?.length} parameter groups, the optimizer ${this.paramGroups.length}`,
      );
    }
    for (let i = 0; i < dict.paramGroups.length; i++) this.#loadGroup(op, i, dict.paramGroups[i]);
    const params = this.#allParams();
    for (const [key, saved] of Object.entries(dict.state ?? {})) {
      const param = params[Number(key)];
      if (!param)
        throw new ArgumentError(
          op,
          `state for parameter ${key}, but the optimizer has ${params.length} parameters`,
        );
      for (const [name, tensor] of Object.entries(saved.tensors)) {
        if (!shapesEqual(tensor.shape, param.shape))
          throw new ShapeError(op, `state "${name}" of parameter ${key} does not match it`, {
            param: param.shape,
            [name]: tensor.shape,
          });
      }
    }
    this.#disposeState();
    for (const [key, saved] of Object.entries(dict.state ?? {})) {
      const param = params[Number(key)];
      const tensors = new Map(
        Object.entries(saved.tensors).map(
          ([name, tensor]) => [name, keep(cast(tensor, param.dtype))] as const,
        ),
      );
      this.#state.set(param, {
        step: checkNumber(op, `state[${key}].step`, saved.step, { min: 0, isInteger: true }),
        tensors,
      });
    }
    this.#stepCount = dict.stepCount;
  }

  /** Frees the optimizer's buffers. Parameters and gradients are left alone. */
  dispose(): void {
    this.#disposeState();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  /** Applies the update rule to one parameter in place. `state.step` already counts this update. */
  protected abstract updateParam(
    param: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<O>,
    lr: number,
  ): void;

  /** Validates the options specific to this optimizer (lr and decays are checked already). */
  protected abstract checkOptions(options: O): void;

  /** The buffer `name` of a parameter, created filled with `initial` at its first use. */
  protected buffer(param: Tensor, state: ParamState, name: string, initial = 0): Tensor {
    let tensor = state.tensors.get(name);
    if (!tensor) {
      // Kept out of any enclosing tidy: the buffer lives as long as the optimizer.
      tensor = keep(full(param.shape, initial, { dtype: param.dtype }));
      state.tensors.set(name, tensor);
    }
    return tensor;
  }

  #loadGroup(op: string, index: number, saved: ParamGroupStateDict): void {
    const group = this.paramGroups[index];
    if (saved.params?.length !== group.params.length) {
      throw new ArgumentError(
        op,
        `group ${index} has ${saved.params?.length} parameters in the dict, ${group.params.length} in the optimizer`,
      );
    }
    const { lr, ...options } = saved.options;
    if (saved.schedule !== undefined) {
      if (typeof group.lr !== 'function')
        throw new ArgumentError(
          op,
          `group ${index} was saved with an lr schedule: build the optimizer with the same schedule`,
        );
      if (isStatefulSchedule(group.lr)) group.lr.loadStateDict(saved.schedule);
    }
    const next = { ...group, ...options, ...(typeof lr === 'number' ? { lr } : {}) } as ParamGroup<O>;
    this.#checkLr(next.lr);
    this.checkOptions(next);
    Object.assign(group, next);
  }

  /** Refuses to step when a parameter was disposed since construction, before any is updated. */
  #checkParamsAlive(): void {
    this.paramGroups.forEach((group, g) => {
      group.params.forEach((param, i) => {
        if (param.isDisposed) throw new DisposedTensorError(`${this.name}.step`, paramLabel(g, i));
      });
    });
  }

  #stateOf(param: Tensor): ParamState {
    let state = this.#state.get(param);
    if (!state) {
      state = { step: 0, tensors: new Map() };
      this.#state.set(param, state);
    }
    return state;
  }

  #allParams(): Tensor[] {
    return this.paramGroups.flatMap((group) => [...group.params]);
  }

  #disposeState(): void {
    for (const state of this.#state.values()) for (const tensor of state.tensors.values()) tensor.dispose();
    this.#state.clear();
  }

  #checkLr(lr: LrValue): void {
    if (typeof lr !== 'function') checkNumber(this.name, 'lr', lr, NON_NEGATIVE);
  }

  #resolveLr(lr: LrValue): number {
    if (typeof lr === 'number') return lr;
    const value = lr(this.#stepCount);
    if (!Number.isFinite(value) || value < 0) {
      throw new ArgumentError(
        this.name,
        `the lr schedule gave ${value} at step ${this.#stepCount} (expected a finite number ≥ 0)`,
      );
    }
    return value;
  }
}
