import type { Optimizer } from '@nagare/optimizers';
import type { Callback, EpochLogs } from '../callbacks/callback';
import { type MonitorMode, resolveMode } from '../callbacks/monitor';
import { nanGuard } from '../callbacks/nan-guard';
import { fit } from '../fit';
import type { FitOptions } from '../fit-options';
import type { DataSource, LossFunction, Model } from '../types';
import { type RandomSearchOptions, randomSearch, type SearchResult } from './random-search';
import type { ParamsOf, SearchSpace } from './space';
import type { Trial } from './trial';

/** What `build` returns for one trial: the model and how to train it. */
export interface TrialSetup
  extends Pick<
    FitOptions,
    'metrics' | 'regularizers' | 'scheduler' | 'clipGradNorm' | 'callbacks' | 'batchSize'
  > {
  model: Model;
  optimizer: Optimizer;
  loss: LossFunction;
  /** Training data for this trial (e.g. a loader whose batch size is a searched parameter); default `tune`'s. */
  train?: DataSource;
}

/** Options of `tune`. */
export interface TuneOptions<S extends SearchSpace>
  extends Pick<
    RandomSearchOptions<S>,
    'space' | 'trials' | 'seed' | 'rounds' | 'top' | 'margin' | 'halving'
  > {
  train: DataSource;
  /** The validation split every trial is scored on. `tune` takes no test set, on purpose. */
  val: DataSource;
  /** Epochs per trial (without `halving`, whose budgets are epochs). Default 5. */
  epochs?: number;
  /** The validation value to optimize. Default `val_loss`. */
  monitor?: string;
  mode?: MonitorMode;
  /** Score a trial by its best epoch (default) or its last. */
  score?: 'best' | 'last';
  batchSize?: number;
  /** Builds a fresh model, optimizer and loss for one point of the space. */
  build: (params: ParamsOf<S>, trial: { id: number; seed: number }) => TrialSetup;
  /** Called when a trial is finished, with its epochs' logs. */
  onTrial?: (trial: Trial<ParamsOf<S>>, epochs: EpochLogs[]) => void | Promise<void>;
}

/** What `tune` found, with each trial's epoch logs (for learning curves). */
export interface TuneResult<S extends SearchSpace> extends SearchResult<S> {
  histories: Record<number, EpochLogs[]>;
}

/** The seed of trial `id`'s training run. */
function trialSeed(seed: number | undefined, id: number): number {
  return (seed ?? 0) * 10_007 + id;
}

function scoreOf(
  epochs: readonly EpochLogs[],
  monitor: string,
  mode: 'min' | 'max',
  kind: 'best' | 'last',
): number {
  const values = epochs
    .map((e) => e.metrics[monitor])
    .filter((v): v is number => v !== undefined && !Number.isNaN(v));
  if (values.length === 0) return Number.NaN;
  if (kind === 'last') return epochs.at(-1)?.metrics[monitor] ?? Number.NaN;
  return mode === 'min' ? Math.min(...values) : Math.max(...values);
}

/**
 * Random hyper-parameter search with `fit`: each trial builds a model from a point of `space`, trains
 * on `train` and is scored by `monitor` on `val` (the validation split — `tune` never sees a test
 * set). Supports rounds with narrowing and successive halving in epochs (see `randomSearch`); a
 * diverging trial is stopped by a NaN guard and ranks last. Models are disposed when their trial ends.
 *
 * @example
 * const result = await tune({
 *   space: { lr: logUniform(1e-4, 1e-1) }, trials: 20, rounds: 2, train, val, epochs: 3, monitor: 'val_accuracy',
 *   build: ({ lr }) => { const model = makeModel(); return { model, loss: crossEntropy, optimizer: new SGD(model.parameters(), { lr }) }; },
 * });
 * console.log(formatTrials(result.trials, { mode: 'max' }));
 */
export async function tune<S extends SearchSpace>(options: TuneOptions<S>): Promise<TuneResult<S>> {
  const monitor = options.monitor ?? 'val_loss';
  const mode = resolveMode('tune', monitor, options.mode);
  const running = new Map<number, { setup: TrialSetup; epochs: EpochLogs[] }>();
  const histories: Record<number, EpochLogs[]> = {};
  const result = await randomSearch<S>({
    ...options,
    mode,
    async objective(params, context) {
      const seed = trialSeed(options.seed, context.id);
      let state = running.get(context.id);
      if (!state) {
        state = { setup: options.build(params, { id: context.id, seed }), epochs: [] };
        running.set(context.id, state);
      }
      const { train, batchSize, callbacks, ...setup } = state.setup;
      const guard: Callback = nanGuard();
      const history = await fit(setup.model, {
        ...setup,
        train: train ?? options.train,
        val: options.val,
        epochs: context.budget ?? options.epochs ?? 5,
        initialEpoch: context.previousBudget,
        batchSize: batchSize ?? options.batchSize,
        callbacks: [...(callbacks ?? []), guard],
        seed,
      });
      state.epochs.push(...history.epochs);
      return history.stopReason?.by === 'nanGuard'
        ? Number.NaN
        : scoreOf(state.epochs, monitor, mode, options.score ?? 'best');
    },
    async onTrialEnd(trial) {
      const state = running.get(trial.id);
      running.delete(trial.id);
      histories[trial.id] = state?.epochs ?? [];
      state?.setup.optimizer.dispose();
      state?.setup.model.dispose();
      await options.onTrial?.(trial, histories[trial.id]);
    },
  });
  return { ...result, histories };
}
