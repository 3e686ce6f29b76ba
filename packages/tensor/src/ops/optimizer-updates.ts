import { runInPlace } from '../engine/dispatch';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import type {
  AdadeltaUpdateAttrs,
  AdagradUpdateAttrs,
  AdamaxUpdateAttrs,
  AdamUpdateAttrs,
  LionUpdateAttrs,
  MomentumUpdateAttrs,
  OpAttrs,
  OpName,
  RmspropUpdateAttrs,
  UpdateAttrs,
} from '../op-attrs';
import { defineOp, type OpDef, type TensorSpec } from '../op-registry';
import { checkTensor } from '../operand';
import { shapesEqual } from '../shape';
import type { Tensor } from '../tensor';
import { isFloat } from '../types';

// Fused optimizer updates: one kernel reads [param, grad, ...state] and writes param and state in
// place (runInPlace), so an optimizer step allocates nothing. Not differentiable, never recorded.

/** Allowed range of each hyper-parameter an update takes (dampening is free: ONNX Momentum's beta is any float). */
const RANGES: Record<string, readonly [number, number]> = {
  momentum: [0, Infinity],
  eps: [0, Infinity],
  rho: [0, 1],
  alpha: [0, 1],
  beta1: [0, 1],
  beta2: [0, 1],
  step: [0, Infinity],
};

const UNBOUNDED = [-Infinity, Infinity] as const;

function checkAttrs(op: string, attrs: object): void {
  // Indexed loops, no array destructuring (an iterator per use): this runs for every parameter of
  // every step.
  const names = Object.keys(attrs);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const value: unknown = (attrs as Record<string, unknown>)[name];
    if (typeof value === 'boolean') continue;
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new ArgumentError(op, `${name} must be a finite number (got ${String(value)})`);
    const range = RANGES[name] ?? UNBOUNDED;
    const low = range[0];
    const high = range[1];
    if (value < low || value > high)
      throw new ArgumentError(op, `${name} must be in [${low}, ${high}] (got ${value})`);
    if (name === 'step' && !Number.isInteger(value))
      throw new ArgumentError(op, `step must be an integer (got ${value})`);
  }
}

/** Infers an update whose inputs all match the parameter and whose targets are param + state. */
function inferUpdate(
  op: string,
  names: readonly string[],
  inputs: readonly TensorSpec[],
  attrs: object,
  stateCount: number,
): TensorSpec[] {
  checkAttrs(op, attrs);
  if (inputs.length !== stateCount + 2)
    throw new ArgumentError(
      op,
      `expected ${stateCount + 2} inputs (${names.slice(0, stateCount + 2).join(', ')}), got ${inputs.length}`,
    );
  const param = inputs[0];
  if (!isFloat(param.dtype)) throw new DTypeError(op, 'expected a float parameter', { param: param.dtype });
  for (let i = 1; i < inputs.length; i++) {
    const input = inputs[i];
    if (input.dtype !== param.dtype)
      throw new DTypeError(op, `${names[i]} must have the parameter's dtype`, {
        param: param.dtype,
        [names[i]]: input.dtype,
      });
    if (!shapesEqual(input.shape, param.shape))
      throw new ShapeError(op, `${names[i]} must have the parameter's shape`, {
        param: param.shape,
        [names[i]]: input.shape,
      });
  }
  const specs: TensorSpec[] = new Array(stateCount + 1);
  for (let i = 0; i <= stateCount; i++) specs[i] = { shape: param.shape, dtype: param.dtype };
  return specs;
}

function defineUpdate<K extends OpName>(
  name: K,
  inputs: readonly string[],
  stateCount: (attrs: OpAttrs[K]) => number,
): OpDef<K> {
  return defineOp({
    name,
    inputs,
    infer: (specs, attrs) => inferUpdate(name, inputs, specs, attrs as object, stateCount(attrs)),
  });
}

const sgdUpdateOp = defineUpdate('sgdUpdate', ['param', 'grad'], () => 0);
const momentumUpdateOp = defineUpdate('momentumUpdate', ['param', 'grad', 'velocity'], () => 1);
const adagradUpdateOp = defineUpdate('adagradUpdate', ['param', 'grad', 'sumSquares'], () => 1);
const adadeltaUpdateOp = defineUpdate('adadeltaUpdate', ['param', 'grad', 'squareAvg', 'deltaAvg'], () => 2);
const rmspropUpdateOp = defineOp({
  name: 'rmspropUpdate',
  inputs: ['param', 'grad', 'squareAvg', 'gradAvg | momentumBuffer', 'momentumBuffer'],
  infer: (specs, attrs) => {
    const names = [
      'param',
      'grad',
      'squareAvg',
      ...(attrs.centered ? ['gradAvg'] : []),
      ...(attrs.momentum > 0 ? ['momentumBuffer'] : []),
    ];
    return inferUpdate('rmspropUpdate', names, specs, attrs, names.length - 2);
  },
});
const adamUpdateOp = defineUpdate('adamUpdate', ['param', 'grad', 'm', 'v', 'vMax'], (attrs) =>
  attrs.amsgrad ? 3 : 2,
);
const adamaxUpdateOp = defineUpdate('adamaxUpdate', ['param', 'grad', 'm', 'u'], () => 2);
const lionUpdateOp = defineUpdate('lionUpdate', ['param', 'grad', 'm'], () => 1);

/** The decay options every update accepts; both default to 0. */
export type DecayOptions = Partial<Pick<UpdateAttrs, 'weightDecay' | 'decoupledWeightDecay'>>;

// Each update builds its attributes as one literal of a fixed shape (no spread): object spread
// and for…in over objects of many shapes were most of the cost of a small parameter's update.

/** Runs `def` on [param, grad, ...state], writing param and the state tensors in place. */
function updateInPlace<K extends OpName>(
  def: OpDef<K>,
  param: Tensor,
  grad: Tensor,
  state: readonly Tensor[],
  attrs: OpAttrs[K],
): Tensor {
  const inputs: Tensor[] = [param, grad];
  const targets: Tensor[] = [param];
  for (let i = 0; i < state.length; i++) {
    inputs.push(state[i]);
    targets.push(state[i]);
  }
  runInPlace(def, inputs, attrs, targets);
  return param;
}

/**
 * SGD step in place: x ← x·(1 − lr·λd) − lr·(g + λ·x). `param` and `grad` share shape and float dtype.
 *
 * @example
 * sgdUpdate(w, w.grad!, { lr: 0.1 }); // w -= 0.1 * grad, no tensor allocated
 */
export function sgdUpdate(
  param: Tensor,
  grad: Tensor,
  options: Pick<UpdateAttrs, 'lr'> & DecayOptions,
): Tensor {
  checkTensor('sgdUpdate', 'param', param);
  checkTensor('sgdUpdate', 'grad', grad);
  const attrs: UpdateAttrs = {
    lr: options.lr,
    weightDecay: options.weightDecay ?? 0,
    decoupledWeightDecay: options.decoupledWeightDecay ?? 0,
  };
  return updateInPlace(sgdUpdateOp, param, grad, [], attrs);
}

/**
 * Momentum step in place: v ← μ·v + (1 − dampening)·g; x ← x − lr·v, or x ← x − lr·(g + μ·v) with
 * `nesterov`. `velocity` has the parameter's shape and dtype.
 *
 * @example
 * const velocity = zerosLike(w);
 * momentumUpdate(w, w.grad!, { velocity }, { lr: 0.01, momentum: 0.9 });
 */
export function momentumUpdate(
  param: Tensor,
  grad: Tensor,
  state: { velocity: Tensor },
  options: Pick<MomentumUpdateAttrs, 'lr' | 'momentum'> &
    Partial<Pick<MomentumUpdateAttrs, 'dampening' | 'nesterov'>> &
    DecayOptions,
): Tensor {
  checkTensor('momentumUpdate', 'param', param);
  checkTensor('momentumUpdate', 'grad', grad);
  const attrs: MomentumUpdateAttrs = {
    lr: options.lr,
    momentum: options.momentum,
    dampening: options.dampening ?? 0,
    nesterov: options.nesterov ?? false,
    weightDecay: options.weightDecay ?? 0,
    decoupledWeightDecay: options.decoupledWeightDecay ?? 0,
  };
  return updateInPlace(momentumUpdateOp, param, grad, [state.velocity], attrs);
}

/**
 * AdaGrad step in place: h ← h + g²; x ← x − lr·g / (√h + ε). `sumSquares` matches the parameter.
 *
 * @example
 * const sumSquares = zerosLike(w);
 * adagradUpdate(w, w.grad!, { sumSquares }, { lr: 0.01, eps: 1e-10 });
 */
export function adagradUpdate(
  param: Tensor,
  grad: Tensor,
  state: { sumSquares: Tensor },
  options: Pick<AdagradUpdateAttrs, 'lr' | 'eps'> & DecayOptions,
): Tensor {
  checkTensor('adagradUpdate', 'param', param);
  checkTensor('adagradUpdate', 'grad', grad);
  const attrs: AdagradUpdateAttrs = {
    lr: options.lr,
    eps: options.eps,
    weightDecay: options.weightDecay ?? 0,
    decoupledWeightDecay: options.decoupledWeightDecay ?? 0,
  };
  return updateInPlace(adagradUpdateOp, param, grad, [state.sumSquares], attrs);
}

/**
 * AdaDelta step in place (Zeiler 2012): s ← ρs + (1−ρ)g²; Δ = √(u+ε)/√(s+ε)·g; u ← ρu + (1−ρ)Δ²;
 * x ← x − lr·Δ. Both state tensors match the parameter.
 *
 * @example
 * adadeltaUpdate(w, w.grad!, { squareAvg, deltaAvg }, { lr: 1, rho: 0.9, eps: 1e-6 });
 */
export function adadeltaUpdate(
  param: Tensor,
  grad: Tensor,
  state: { squareAvg: Tensor; deltaAvg: Tensor },
  options: Pick<AdadeltaUpdateAttrs, 'lr' | 'rho' | 'eps'> & DecayOptions,
): Tensor {
  checkTensor('adadeltaUpdate', 'param', param);
  checkTensor('adadeltaUpdate', 'grad', grad);
  const attrs: AdadeltaUpdateAttrs = {
    lr: options.lr,
    rho: options.rho,
    eps: options.eps,
    weightDecay: options.weightDecay ?? 0,
    decoupledWeightDecay: options.decoupledWeightDecay ?? 0,
  };
  return updateInPlace(adadeltaUpdateOp, param, grad, [state.squareAvg, state.deltaAvg], attrs);
}

/**
 * RMSProp step in place: s ← αs + (1−α)g²; x ← x − lr·g/(√s + ε). Passing `gradAvg` makes it
 * centered (√(s − ḡ²)); `momentum > 0` needs `momentumBuffer` (b ← μb + g/avg; x ← x − lr·b).
 *
 * @example
 * rmspropUpdate(w, w.grad!, { squareAvg }, { lr: 0.01, alpha: 0.99, eps: 1e-8 });
 */
export function rmspropUpdate(
  param: Tensor,
  grad: Tensor,
  state: { squareAvg: Tensor; gradAvg?: Tensor; momentumBuffer?: Tensor },
  options: Pick<RmspropUpdateAttrs, 'lr' | 'alpha' | 'eps'> &
    Partial<Pick<RmspropUpdateAttrs, 'momentum'>> &
    DecayOptions,
): Tensor {
  checkTensor('rmspropUpdate', 'param', param);
  checkTensor('rmspropUpdate', 'grad', grad);
  const momentum = options.momentum ?? 0;
  if (momentum > 0 !== (state.momentumBuffer !== undefined)) {
    throw new ArgumentError(
      'rmspropUpdate',
      `momentumBuffer is needed exactly when momentum > 0 (momentum: ${momentum})`,
    );
  }
  const attrs: RmspropUpdateAttrs = {
    lr: options.lr,
    alpha: options.alpha,
    eps: options.eps,
    momentum,
    centered: state.gradAvg !== undefined,
    weightDecay: options.weightDecay ?? 0,
    decoupledWeightDecay: options.decoupledWeightDecay ?? 0,
  };
  const stateTensors = [
    state.squareAvg,
    ...(state.gradAvg ? [state.gradAvg] : []),
    ...(state.momentumBuffer ? [state.momentumBuffer] : []),
  ];
  return updateInPlace(rmspropUpdateOp, param, grad, stateTensors, attrs);
}

/**
 * Adam step in place with bias correction at `step` (1-based; 0 skips it). Passing `vMax` turns
 * on AMSGrad (the denominator uses the running maximum of v). m, v, vMax match the parameter.
 *
 * @example
 * adamUpdate(w, w.grad!, { m, v }, { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 1 });
 */
export function adamUpdate(
  param: Tensor,
  grad: Tensor,
  state: { m: Tensor; v: Tensor; vMax?: Tensor },
  options: Omit<AdamUpdateAttrs, 'amsgrad' | 'weightDecay' | 'decoupledWeightDecay'> & DecayOptions,
): Tensor {
  checkTensor('adamUpdate', 'param', param);
  checkTensor('adamUpdate', 'grad', grad);
  const stateTensors = state.vMax ? [state.m, state.v, state.vMax] : [state.m, state.v];
  const attrs: AdamUpdateAttrs = {
    lr: options.lr,
    beta1: options.beta1,
    beta2: options.beta2,
    eps: options.eps,
    step: options.step,
    amsgrad: state.vMax !== undefined,
    weightDecay: options.weightDecay ?? 0,
    decoupledWeightDecay: options.decoupledWeightDecay ?? 0,
  };
  return updateInPlace(adamUpdateOp, param, grad, stateTensors, attrs);
}

/**
 * Adamax step in place: u ← max(β2·u, |g| + ε); x ← x − lr/(1 − β1ᵗ)·m/u. m and u match the parameter.
 *
 * @example
 * adamaxUpdate(w, w.grad!, { m, u }, { lr: 2e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 1 });
 */
export function adamaxUpdate(
  param: Tensor,
  grad: Tensor,
  state: { m: Tensor; u: Tensor },
  options: Omit<AdamaxUpdateAttrs, 'weightDecay' | 'decoupledWeightDecay'> & DecayOptions,
): Tensor {
  checkTensor('adamaxUpdate', 'param', param);
  checkTensor('adamaxUpdate', 'grad', grad);
  const attrs: AdamaxUpdateAttrs = {
    lr: options.lr,
    beta1: options.beta1,
    beta2: options.beta2,
    eps: options.eps,
    step: options.step,
    weightDecay: options.weightDecay ?? 0,
    decoupledWeightDecay: options.decoupledWeightDecay ?? 0,
  };
  return updateInPlace(adamaxUpdateOp, param, grad, [state.m, state.u], attrs);
}

/**
 * Lion step in place: x ← x − lr·sign(β1·m + (1−β1)·g); m ← β2·m + (1−β2)·g. m matches the parameter.
 *
 * @example
 * lionUpdate(w, w.grad!, { m }, { lr: 1e-4, beta1: 0.9, beta2: 0.99, decoupledWeightDecay: 0.1 });
 */
export function lionUpdate(
  param: Tensor,
  grad: Tensor,
  state: { m: Tensor },
  options: Omit<LionUpdateAttrs, 'weightDecay' | 'decoupledWeightDecay'> & DecayOptions,
): Tensor {
  checkTensor('lionUpdate', 'param', param);
  checkTensor('lionUpdate', 'grad', grad);
  const attrs: LionUpdateAttrs = {
    lr: options.lr,
    beta1: options.beta1,
    beta2: options.beta2,
    weightDecay: options.weightDecay ?? 0,
    decoupledWeightDecay: options.decoupledWeightDecay ?? 0,
  };
  return updateInPlace(lionUpdateOp, param, grad, [state.m], attrs);
}
