import { ArgumentError } from '@nagare/tensor';
import type { Callback, TrainContext } from './callback';
import { isImprovement, type MonitorMode, monitoredValue, resolveMode } from './monitor';

/** Options of `modelCheckpoint`. */
export interface ModelCheckpointOptions {
  /** The directory of `last.safetensors` and `best.safetensors` (created if needed). */
  dir: string;
  /** Write `last` every this many epochs (and always at the end of training). Default 1. */
  everyEpochs?: number;
  /** The logged value that decides `best`. Default `val_loss`, or `loss` without validation. */
  monitor?: string;
  mode?: MonitorMode;
  /** Write `best.safetensors` when the monitored value improves. Default true. */
  saveBest?: boolean;
}

/** A checkpoint callback; the paths it writes. */
export interface ModelCheckpoint extends Callback {
  readonly lastPath: string;
  readonly bestPath: string;
}

/**
 * Writes full checkpoints (weights, optimizer, RNG and loop state) during `fit`: `dir/last.safetensors`
 * every `everyEpochs` epochs and when training ends for any reason (a Ctrl-C through `signal`
 * included, mid-epoch), and `dir/best.safetensors` whenever the monitored value improves. Every
 * write is atomic. Resume with `fit(model, { ..., resume: checkpoint.lastPath })`.
 *
 * @example
 * const checkpoint = modelCheckpoint({ dir: 'runs/mlp/checkpoints', monitor: 'val_accuracy' });
 * await fit(model, { ..., callbacks: [checkpoint] });
 */
export function modelCheckpoint(options: ModelCheckpointOptions): ModelCheckpoint {
  const { dir, everyEpochs = 1, saveBest = true } = options;
  if (typeof dir !== 'string' || dir.length === 0)
    throw new ArgumentError('modelCheckpoint', 'dir must be a non-empty path');
  if (!Number.isInteger(everyEpochs) || everyEpochs < 1)
    throw new ArgumentError('modelCheckpoint', `everyEpochs must be a positive integer, got ${everyEpochs}`);
  const trimmed = dir.replace(/[\\/]+$/, '');
  const lastPath = `${trimmed}/last.safetensors`;
  const bestPath = `${trimmed}/best.safetensors`;
  let best: number | null = null;
  // The position (epoch, batch, step) of the last write of `last`, so the end of training does not write it twice.
  let savedAt = '';
  const position = (context: TrainContext) => `${context.epoch}/${context.batch}/${context.step}`;
  const saveLast = async (context: TrainContext) => {
    await context.saveCheckpoint(lastPath);
    savedAt = position(context);
  };
  return {
    name: 'modelCheckpoint',
    order: 100,
    lastPath,
    bestPath,
    async onEpochEnd(context, logs) {
      if (saveBest) {
        const monitor = options.monitor ?? ('val_loss' in logs.metrics ? 'val_loss' : 'loss');
        const value = monitoredValue('modelCheckpoint', monitor, logs.metrics);
        if (isImprovement(value, best, resolveMode('modelCheckpoint', monitor, options.mode))) {
          best = value;
          await context.saveCheckpoint(bestPath);
        }
      }
      if (logs.epoch % everyEpochs === 0) await saveLast(context);
    },
    async onTrainEnd(context) {
      if (savedAt !== position(context)) await saveLast(context);
    },
    stateDict: () => ({ values: { best } }),
    loadStateDict(state) {
      best = ((state.values ?? {}) as { best?: number | null }).best ?? null;
    },
  };
}
