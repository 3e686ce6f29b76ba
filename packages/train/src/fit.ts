import type { StateDictError } from '@nagare/layers';
import { ArgumentError, isNagareError } from '@nagare/tensor';
import type { Callback, History } from './callbacks/callback';
import { lrScheduler } from './callbacks/lr-scheduler';
import { checkStateFitsRun } from './checkpoint/check-state';
import { type Checkpoint, loadCheckpoint } from './checkpoint/load-checkpoint';
import { seedDefaultGenerator } from './checkpoint/rng';
import { toLoader } from './data-source';
import { CheckpointError } from './errors/checkpoint-error';
import { saveModes } from './evaluate';
import type { FitOptions, SchedulerOption } from './fit-options';
import { resolveMetrics } from './metrics/resolve';
import { type RunSetup, TrainingRun } from './training-run';
import type { Model } from './types';

function checkCount(name: string, value: unknown, min: number): number {
  if (!Number.isInteger(value) || (value as number) < min)
    throw new ArgumentError('fit', `${name} must be an integer ≥ ${min}, got ${String(value)}`);
  return value as number;
}

function schedulerCallback(option: SchedulerOption | undefined): Callback[] {
  if (option === undefined) return [];
  if (typeof option === 'function') return [lrScheduler(option)];
  const { schedule, ...rest } = option;
  return [lrScheduler(schedule, rest)];
}

function checkNames(
  callbacks: readonly Callback[],
  metricNames: readonly string[],
  regularizerNames: readonly string[],
): void {
  const seen = new Set<string>();
  for (const callback of callbacks) {
    if (!callback.name) continue;
    if (seen.has(callback.name))
      throw new ArgumentError('fit', `two callbacks are named "${callback.name}"; give each a unique name`);
    seen.add(callback.name);
  }
  const taken = new Set(['loss', ...metricNames]);
  for (const name of regularizerNames) {
    if (taken.has(name))
      throw new ArgumentError('fit', `regularizer name "${name}" is already a metric name`);
    taken.add(name);
  }
}

function resolveSetup(model: Model, options: FitOptions): RunSetup {
  if (!options || typeof options !== 'object') throw new ArgumentError('fit', 'options are required');
  if (typeof options.loss !== 'function')
    throw new ArgumentError('fit', 'loss must be a function (output, target) => scalar tensor');
  if (!options.optimizer || typeof options.optimizer.step !== 'function')
    throw new ArgumentError('fit', 'optimizer must be an Optimizer');
  const epochs = checkCount('epochs', options.epochs, 0);
  if (options.seed !== undefined) checkCount('seed', options.seed, 0);
  if (options.clipGradNorm !== undefined && !(options.clipGradNorm > 0))
    throw new ArgumentError('fit', `clipGradNorm must be a positive number, got ${options.clipGradNorm}`);
  const metrics = resolveMetrics(options.metrics);
  // Array.prototype.sort is stable: callbacks of equal order keep the order they were given in.
  const callbacks = [...schedulerCallback(options.scheduler), ...(options.callbacks ?? [])].sort(
    (a, b) => (a.order ?? 0) - (b.order ?? 0),
  );
  const regularizers = [...(options.regularizers ?? [])];
  checkNames(
    callbacks,
    metrics.map((m) => m.name),
    regularizers.map((r) => r.name),
  );
  const { batchSize, seed } = options;
  return {
    model,
    optimizer: options.optimizer,
    loss: options.loss,
    train: toLoader('fit', 'train', options.train, { batchSize, seed, shuffle: options.shuffle ?? true }),
    val: options.val ? toLoader('fit', 'val', options.val, { batchSize, shuffle: false }) : null,
    epochs,
    metrics,
    callbacks,
    regularizers,
    clipGradNorm: options.clipGradNorm,
    seed: seed ?? null,
    signal: options.signal,
    metadata: { ...options.metadata },
  };
}

/** Loads the model, optimizer, callbacks and loop state from a checkpoint. */
async function restore(run: TrainingRun, setup: RunSetup, resume: string | Checkpoint): Promise<void> {
  const checkpoint = typeof resume === 'string' ? await loadCheckpoint(resume) : resume;
  try {
    if (!checkpoint.state)
      throw new CheckpointError(
        checkpoint.file,
        'no-training-state',
        'holds weights only, no training state to resume',
      );
    try {
      setup.model.loadStateDict(checkpoint.weights);
      if (checkpoint.optimizer) setup.optimizer.loadStateDict(checkpoint.optimizer);
    } catch (error) {
      if (!isNagareError(error)) throw error;
      throw new CheckpointError(
        checkpoint.file,
        'mismatch',
        `does not fit this model and optimizer (${(error as StateDictError).message})`,
      );
    }
    for (const callback of setup.callbacks) {
      const saved = callback.name ? checkpoint.callbacks[callback.name] : undefined;
      if (saved) callback.loadStateDict?.(saved);
    }
    run.restoreState(checkpoint.state);
    checkStateFitsRun(checkpoint.file, checkpoint.state, run);
  } finally {
    if (typeof resume === 'string') checkpoint.dispose();
  }
}

/**
 * Trains `model` for `epochs` epochs on `[input, target]` batches and returns the history. Each
 * step (load, forward, loss, backward, clip, update, metrics) runs inside one `tidy`, so live
 * tensors stay flat. Validation data, metrics, callbacks, an lr schedule, gradient clipping,
 * regularizers, a seed, resumption from a checkpoint and a graceful stop through an `AbortSignal`
 * are options (see `FitOptions`). Runs on whichever backend is active.
 *
 * @example
 * const history = await fit(model, { train, val, optimizer, loss: crossEntropy, epochs: 5, metrics: ['accuracy'] });
 * history.epochs.at(-1)?.metrics.val_accuracy;
 */
export async function fit(model: Model, options: FitOptions): Promise<History> {
  const setup = resolveSetup(model, options);
  const run = new TrainingRun(setup);
  for (const callback of setup.callbacks) callback.onSetup?.(run);
  if (options.resume !== undefined) await restore(run, setup, options.resume);
  else {
    if (options.initialEpoch !== undefined)
      run.skipEpochs(checkCount('initialEpoch', options.initialEpoch, 0));
    if (setup.seed !== null) seedDefaultGenerator(setup.seed);
  }
  const restoreModes = saveModes(model);
  model.train();
  model.zeroGrad();
  try {
    return await run.run();
  } finally {
    restoreModes();
  }
}
