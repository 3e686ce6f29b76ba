import { noGrad } from '@nagare/autograd';
import type { AnyModule } from '@nagare/layers';
import {
  ArgumentError,
  clone,
  type DType,
  dispose,
  keep,
  promoteTypes,
  stack,
  sum,
  Tensor,
  tidy,
} from '@nagare/tensor';
import { captureRng, restoreRng } from '../checkpoint/rng';
import { describeNonFinite, NonFiniteError, type NonFiniteReport } from '../errors/non-finite-error';
import type { Model } from '../types';
import type { Callback, StepTensors, TrainContext } from './callback';

/** Options of `nanGuard`. */
export interface NanGuardOptions {
  /** `'stop'` (default): stop training gracefully, skipping the bad update; `'throw'`: throw `NonFiniteError`. */
  action?: 'stop' | 'throw';
}

/** A NaN/Inf guard; `report` says where the first non-finite value appeared. */
export interface NanGuard extends Callback {
  readonly report: NonFiniteReport | null;
}

/** The first NaN or ±Infinity in `values`, or undefined when every value is finite. */
function firstNonFiniteOf(values: ArrayLike<number>): number | undefined {
  return Array.from(values).find((v) => !Number.isFinite(v));
}

/** The first NaN or ±Infinity in `tensor` (read with `data()`, so on every backend). */
async function firstNonFinite(tensor: Tensor): Promise<number | undefined> {
  return firstNonFiniteOf(await tensor.data());
}

type Found = Pick<NonFiniteReport, 'kind' | 'name' | 'value'>;

/** A module's output and inputs in the diagnostic pass, copied so they outlive it. */
interface ModuleTrace {
  name: string;
  output: Tensor;
  inputs: Tensor[];
}

/** Re-runs the forward pass with hooks on every module to find the first one whose output went non-finite. */
async function firstBadModule(model: Model, input: Tensor): Promise<Found | null> {
  const traces: ModuleTrace[] = [];
  const removers = model.namedModules().map(([path, module]) =>
    module.registerForwardHook((_m: AnyModule, inputs: readonly unknown[], output: unknown) => {
      if (!(output instanceof Tensor)) return;
      traces.push({
        name: path || `(${module.constructor.name})`,
        output: keep(clone(output)),
        inputs: inputs.filter((x): x is Tensor => x instanceof Tensor).map((x) => keep(clone(x))),
      });
    }),
  );
  // The diagnostic pass must not advance the random streams (dropout) the run continues from.
  const streams = captureRng(model, null);
  try {
    noGrad(() => tidy(() => void model.call(input)));
  } finally {
    restoreRng(model, streams, null);
    for (const remove of removers) remove();
  }
  // Module outputs are copied during the pass and read after it, since reads may be asynchronous.
  try {
    for (const trace of traces) {
      const value = await firstNonFinite(trace.output);
      if (value === undefined) continue;
      let isInputFinite = true;
      for (const x of trace.inputs) if ((await firstNonFinite(x)) !== undefined) isInputFinite = false;
      if (isInputFinite) return { kind: 'module', name: trace.name, value };
    }
    return null;
  } finally {
    for (const trace of traces) dispose([trace.output, ...trace.inputs]);
  }
}

/** Why the loss is not finite: a bad input, a bad weight, a module, or the loss function itself. */
async function diagnoseLoss(model: Model, step: StepTensors): Promise<Found> {
  const inputValue = await firstNonFinite(step.input);
  if (inputValue !== undefined) return { kind: 'input', name: 'input', value: inputValue };
  for (const [name, parameter] of model.namedParameters()) {
    const value = await firstNonFinite(parameter);
    if (value !== undefined) return { kind: 'parameter', name, value };
  }
  return (await firstBadModule(model, step.input)) ?? { kind: 'loss', name: 'loss', value: step.lossValue };
}

/** The first parameter whose gradient holds NaN/Inf (only called once the total is non-finite). */
async function firstBadGradient(named: readonly (readonly [string, Tensor])[]): Promise<Found | null> {
  for (const [name, parameter] of named) {
    const value = await firstNonFinite(parameter.grad as Tensor);
    if (value !== undefined) return { kind: 'gradient', name, value };
  }
  return null;
}

/**
 * The first parameter whose gradient holds NaN/Inf, or null. The fast path is one reduction of
 * all gradients and one scalar read: synchronous where the backend allows, else one `data()`.
 */
function diagnoseGradients(model: Model): null | Promise<Found | null> {
  const named = model.namedParameters().filter(([, parameter]) => parameter.grad !== null);
  if (named.length === 0) return null;
  // Non-finite values propagate through a sum, so a finite total clears every gradient at once.
  const grads = named.map(([, parameter]) => parameter.grad as Tensor);
  const dtype = grads.map((grad) => grad.dtype).reduce((a: DType, b) => promoteTypes(a, b));
  const total = tidy(() => stack(grads.map((grad) => sum(grad).cast(dtype))).sum());
  if (!total.storage.backend.readsAsyncOnly) {
    const value = total.item();
    total.dispose();
    return Number.isFinite(value) ? null : firstBadGradient(named);
  }
  return total
    .itemAsync()
    .finally(() => total.dispose())
    .then((value) => (Number.isFinite(value) ? null : firstBadGradient(named)));
}

/**
 * Stops training at the first non-finite loss or gradient, before the bad update is applied, and
 * names where it came from: the input batch, the first parameter already holding NaN/Inf, the first
 * module whose output went non-finite from finite inputs, the loss function, or the parameter whose
 * gradient is non-finite. The message becomes `history.stopReason`; `report` keeps the details.
 *
 * @example
 * const guard = nanGuard();
 * const history = await fit(model, { ..., callbacks: [guard] });
 * guard.report?.name; // e.g. 'fc2.weight'
 */
export function nanGuard(options: NanGuardOptions = {}): NanGuard {
  const action = options.action ?? 'stop';
  if (action !== 'stop' && action !== 'throw')
    throw new ArgumentError('nanGuard', `action must be 'stop' or 'throw', got ${String(action)}`);
  let report: NonFiniteReport | null = null;
  return {
    name: 'nanGuard',
    get report() {
      return report;
    },
    onAfterBackward(context: TrainContext, step: StepTensors) {
      const settle = (found: Found | null) => {
        if (!found) return;
        report = { ...found, epoch: context.epoch, batch: context.batch };
        if (action === 'throw') throw new NonFiniteError(report);
        context.stop(`nanGuard: ${describeNonFinite(report)}`, 'nanGuard');
      };
      // Only a finding needs more reads, so a healthy step on a synchronous backend stays synchronous.
      const found = Number.isFinite(step.lossValue)
        ? diagnoseGradients(context.model)
        : diagnoseLoss(context.model, step);
      return found === null ? undefined : found.then(settle);
    },
  };
}
