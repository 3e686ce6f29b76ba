import { ArgumentError, clone, keep, type Tensor } from '@nagare/tensor';
import type { Callback } from './callback';
import { isImprovement, type MonitorMode, monitoredValue, resolveMode } from './monitor';

/** Options of `earlyStopping`. */
export interface EarlyStoppingOptions {
  /** The logged value to watch. Default `val_loss`. */
  monitor?: string;
  /** `'min'`, `'max'`, or `'auto'` (default: `'max'` for accuracy-like names). */
  mode?: MonitorMode;
  /** Epochs without improvement before stopping. Default 5. */
  patience?: number;
  /** The change that counts as an improvement. Default 0. */
  minDelta?: number;
  /** When it stops training, put back the weights of the best epoch. Default true. */
  restoreBest?: boolean;
}

/** An early-stopping callback; `bestEpoch` and `best` tell what it found. */
export interface EarlyStopping extends Callback {
  readonly best: number | null;
  readonly bestEpoch: number | null;
}

function snapshot(weights: Record<string, Tensor>): Record<string, Tensor> {
  return Object.fromEntries(Object.entries(weights).map(([name, tensor]) => [name, keep(clone(tensor))]));
}

function free(weights: Record<string, Tensor> | null): void {
  for (const tensor of Object.values(weights ?? {})) tensor.dispose();
}

/**
 * Stops training when the monitored value has not improved for `patience` epochs, and (with
 * `restoreBest`) puts the best epoch's weights back when it does. Its state, best weights included,
 * is saved in checkpoints.
 *
 * @example
 * fit(model, { ..., callbacks: [earlyStopping({ monitor: 'val_accuracy', patience: 3 })] });
 */
export function earlyStopping(options: EarlyStoppingOptions = {}): EarlyStopping {
  const { monitor = 'val_loss', patience = 5, minDelta = 0, restoreBest = true } = options;
  const mode = resolveMode('earlyStopping', monitor, options.mode);
  if (!Number.isInteger(patience) || patience < 0)
    throw new ArgumentError('earlyStopping', `patience must be a non-negative integer, got ${patience}`);
  if (!(minDelta >= 0)) throw new ArgumentError('earlyStopping', `minDelta must be ≥ 0, got ${minDelta}`);
  let best: number | null = null;
  let bestEpoch: number | null = null;
  let wait = 0;
  let bestWeights: Record<string, Tensor> | null = null;
  return {
    name: 'earlyStopping',
    get best() {
      return best;
    },
    get bestEpoch() {
      return bestEpoch;
    },
    onEpochEnd(context, logs) {
      const value = monitoredValue('earlyStopping', monitor, logs.metrics);
      if (isImprovement(value, best, mode, minDelta)) {
        best = value;
        bestEpoch = logs.epoch;
        wait = 0;
        if (restoreBest) {
          free(bestWeights);
          bestWeights = snapshot(context.model.stateDict());
        }
        return;
      }
      wait++;
      if (wait >= patience) {
        context.stop(
          `${monitor} has not improved for ${wait} epochs (best ${best} at epoch ${bestEpoch})`,
          'earlyStopping',
        );
      }
    },
    onTrainEnd(context) {
      // Only its own stop restores: a run stopped by a signal must stay resumable from where it was.
      if (restoreBest && bestWeights && context.stopReason?.by === 'earlyStopping')
        context.model.loadStateDict(bestWeights);
      free(bestWeights);
      bestWeights = null;
    },
    stateDict: () => ({
      values: { best, bestEpoch, wait },
      ...(bestWeights ? { tensors: bestWeights } : {}),
    }),
    loadStateDict(state) {
      const values = (state.values ?? {}) as {
        best?: number | null;
        bestEpoch?: number | null;
        wait?: number;
      };
      best = values.best ?? null;
      bestEpoch = values.bestEpoch ?? null;
      wait = values.wait ?? 0;
      free(bestWeights);
      bestWeights = state.tensors ? snapshot(state.tensors) : null;
    },
  };
}
