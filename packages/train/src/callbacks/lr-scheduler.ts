import type { LrSchedule, PlateauSchedule, StatefulLrSchedule } from '@nagare/optimizers';
import { ArgumentError } from '@nagare/tensor';
import type { Callback } from './callback';
import { monitoredValue } from './monitor';

/** How `lrScheduler` steps its schedule. */
export interface LrSchedulerOptions {
  /**
   * `'step'` (default): the optimizer evaluates the schedule at its step count before every update.
   * `'epoch'`: the lr is set to `schedule(epochIndex)` (0-based) at the start of every epoch.
   */
  unit?: 'step' | 'epoch';
  /** For a `reduceLrOnPlateau` schedule: the logged value reported after each epoch. Default `val_loss`, or `loss` without validation. */
  monitor?: string;
}

function isStatefulSchedule(schedule: LrSchedule): schedule is StatefulLrSchedule {
  return typeof (schedule as Partial<StatefulLrSchedule>).stateDict === 'function';
}

function isPlateau(schedule: LrSchedule): schedule is PlateauSchedule {
  return typeof (schedule as Partial<PlateauSchedule>).report === 'function';
}

/**
 * Steps a learning-rate schedule during `fit` (what the `scheduler` option installs). Schedules are
 * pure functions of the step (or epoch), so a resumed run gets the same lr; a `reduceLrOnPlateau`
 * schedule is told the monitored value after every epoch and its state is saved in checkpoints.
 *
 * @example
 * fit(model, { ..., callbacks: [lrScheduler(cosineAnnealingLr({ lr: 0.1, steps: 1000 }))] });
 * fit(model, { ..., callbacks: [lrScheduler((epoch) => 0.1 * 0.5 ** epoch, { unit: 'epoch' })] });
 */
export function lrScheduler(schedule: LrSchedule, options: LrSchedulerOptions = {}): Callback {
  const unit = options.unit ?? 'step';
  if (typeof schedule !== 'function')
    throw new ArgumentError('lrScheduler', 'schedule must be a function of the step');
  if (unit !== 'step' && unit !== 'epoch')
    throw new ArgumentError('lrScheduler', `unit must be 'step' or 'epoch', got ${String(unit)}`);
  return {
    name: 'lrScheduler',
    onSetup(context) {
      // Installed before a checkpoint is restored: the optimizer's saved state refers to the schedule.
      if (unit === 'step') context.optimizer.lr = schedule;
    },
    onEpochBegin(context, { epoch }) {
      if (unit === 'epoch') context.optimizer.lr = schedule(epoch - 1);
    },
    onEpochEnd(_context, logs) {
      if (!isPlateau(schedule)) return;
      const monitor = options.monitor ?? ('val_loss' in logs.metrics ? 'val_loss' : 'loss');
      schedule.report(monitoredValue('lrScheduler', monitor, logs.metrics));
    },
    stateDict: () => (isStatefulSchedule(schedule) ? { values: schedule.stateDict() } : {}),
    loadStateDict(state) {
      if (isStatefulSchedule(schedule) && state.values)
        schedule.loadStateDict(state.values as Record<string, number | null>);
    },
  };
}
