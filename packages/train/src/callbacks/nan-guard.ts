import { noGrad } from '@nagare/autograd';
import type { AnyModule } from '@nagare/layers';
import { ArgumentError, sum, Tensor, tidy } from '@nagare/tensor';
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

/** The first NaN or ±Infinity in `tensor`, or undefined when every value is finite. */
function firstNonFinite(tensor: Tensor): number | undefined {
  return Array.from(tensor.dataSync()).find((v) => !Number.isFinite(v));
}

type Found = Pick<NonFiniteReport, 'kind' | 'name' | 'value'>;

/** Re-runs the forward pass with hooks on every module to find the first one whose output went non-finite. */
function firstBadModule(model: Model, input: Tensor): Found | null {
  let found: Found | null = null;
  const removers = model.namedModules().map(([path, module]) =>
    module.registerForwardHook((_m: AnyModule, inputs: readonly unknown[], output: unknown) => {
      if (found || !(output instanceof Tensor)) return;
      const value = firstNonFinite(output);
      const inputsFinite = inputs.every((x) => !(x instanceof Tensor) || firstNonFinite(x) === undefined);
      if (value !== undefined && inputsFinite)
        found = { kind: 'module', name: path || `(${module.constructor.name})`, value };
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
  return found;
}

/** Why the loss is not finite: a bad input, a bad weight, a module, or the loss function itself. */
function diagnoseLoss(model: Model, step: StepTensors): Found {
  const inputValue = firstNonFinite(step.input);
  if (inputValue !== undefined) return { kind: 'input', name: 'input', value: inputValue };
  for (const [name, parameter] of model.namedParameters()) {
    const value = firstNonFinite(parameter);
    if (value !== undefined) return { kind: 'parameter', name, value };
  }
  return firstBadModule(model, step.input) ?? { kind: 'loss', name: 'loss', value: step.lossValue };
}

/** The first parameter whose gradient holds NaN/Inf, or null. One reduction per gradient on the fast path. */
function diagnoseGradients(model: Model): Found | null {
  const named = model.namedParameters().filter(([, parameter]) => parameter.grad !== null);
  // Non-finite values propagate through a sum, so a finite total clears every gradient at once.
  const total = named.reduce(
    (acc, [, parameter]) => acc + tidy(() => sum(parameter.grad as Tensor).item()),
    0,
  );
  if (Number.isFinite(total)) return null;
  for (const [name, parameter] of named) {
    const value = firstNonFinite(parameter.grad as Tensor);
    if (value !== undefined) return { kind: 'gradient', name, value };
  }
  return null;
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
      const found = Number.isFinite(step.lossValue)
        ? diagnoseGradients(context.model)
        : diagnoseLoss(context.model, step);
      if (!found) return;
      report = { ...found, epoch: context.epoch, batch: context.batch };
      if (action === 'throw') throw new NonFiniteError(report);
      context.stop(`nanGuard: ${describeNonFinite(report)}`, 'nanGuard');
    },
  };
}
