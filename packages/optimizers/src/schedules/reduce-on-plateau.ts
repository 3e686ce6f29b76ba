import { ArgumentError } from '@nagare/tensor';
import { checkNumber, NON_NEGATIVE } from '../validate';
import { checkStep } from './check-step';
import type { LrValue, ScheduleState, StatefulLrSchedule } from './lr-schedule';

/** Options of `reduceLrOnPlateau` (PyTorch's ReduceLROnPlateau names and defaults). */
export interface PlateauOptions {
  /** 'min' (a loss, default) or 'max' (an accuracy). */
  mode?: 'min' | 'max';
  /** Multiply the lr by this on a plateau. Default 0.1. */
  factor?: number;
  /** Reports without improvement tolerated before reducing. Default 10. */
  patience?: number;
  /** The improvement that counts. Default 1e-4. */
  threshold?: number;
  /** 'rel' (default): better than best·(1 ∓ threshold); 'abs': better than best ∓ threshold. */
  thresholdMode?: 'rel' | 'abs';
  /** Reports to wait after a reduction before counting again. Default 0. */
  cooldown?: number;
  /** The reduced lr never goes below this. Default 0. */
  minLr?: number;
}

/** A reduce-on-plateau schedule: call `report(metric)` once per evaluation. */
export interface PlateauSchedule extends StatefulLrSchedule {
  /** Records a metric; returns true when it reduced the lr. */
  report(metric: number): boolean;
  /** The factor the base lr is currently multiplied by. */
  readonly scale: number;
}

/**
 * Reduces the lr by `factor` when the reported metric stops improving for `patience` reports.
 * Unlike the other schedules it depends on what it observed, so its state (scale, best, counters)
 * is saved in the optimizer's `stateDict()`. `base` is a number or another schedule.
 *
 * @example
 * const lr = reduceLrOnPlateau(0.1, { patience: 5 });
 * const optimizer = new SGD(params, { lr });
 * lr.report(validationLoss); // after each epoch
 */
export function reduceLrOnPlateau(base: LrValue, options: PlateauOptions = {}): PlateauSchedule {
  const op = 'reduceLrOnPlateau';
  const {
    mode = 'min',
    factor = 0.1,
    patience = 10,
    threshold = 1e-4,
    thresholdMode = 'rel',
    cooldown = 0,
    minLr = 0,
  } = options;
  if (mode !== 'min' && mode !== 'max')
    throw new ArgumentError(op, `mode must be 'min' or 'max' (got ${String(mode)})`);
  if (thresholdMode !== 'rel' && thresholdMode !== 'abs')
    throw new ArgumentError(op, `thresholdMode must be 'rel' or 'abs' (got ${String(thresholdMode)})`);
  checkNumber(op, 'factor', factor, { min: 0, max: 1, openMax: true });
  checkNumber(op, 'patience', patience, { min: 0, isInteger: true });
  checkNumber(op, 'threshold', threshold, NON_NEGATIVE);
  checkNumber(op, 'cooldown', cooldown, { min: 0, isInteger: true });
  checkNumber(op, 'minLr', minLr, NON_NEGATIVE);
  if (typeof base === 'number') checkNumber(op, 'base', base, NON_NEGATIVE);
  const worst = mode === 'min' ? Infinity : -Infinity;
  let state = { scale: 1, best: worst, badReports: 0, cooldownLeft: 0 };

  const isBetter = (metric: number): boolean => {
    const { best } = state;
    if (mode === 'min')
      return thresholdMode === 'rel' ? metric < best * (1 - threshold) : metric < best - threshold;
    return thresholdMode === 'rel' ? metric > best * (1 + threshold) : metric > best + threshold;
  };

  const schedule = (step: number): number => {
    const baseLr = typeof base === 'number' ? base : base(checkStep(op, step));
    // Reductions stop at minLr, but a base already below it (warm-up) is not raised.
    return Math.max(baseLr * state.scale, Math.min(baseLr, minLr));
  };
  // Object.assign would copy a getter's current value, so `scale` is defined as a live property.
  Object.defineProperty(schedule, 'scale', { get: () => state.scale, enumerable: true });
  return Object.assign(schedule as typeof schedule & { readonly scale: number }, {
    report(metric: number): boolean {
      if (typeof metric !== 'number' || Number.isNaN(metric))
        throw new ArgumentError(op, `report needs a number (got ${String(metric)})`);
      if (isBetter(metric)) {
        state.best = metric;
        state.badReports = 0;
      } else {
        state.badReports++;
      }
      if (state.cooldownLeft > 0) {
        state.cooldownLeft--;
        state.badReports = 0;
      }
      if (state.badReports <= patience) return false;
      state.scale *= factor;
      state.cooldownLeft = cooldown;
      state.badReports = 0;
      return true;
    },
    stateDict(): ScheduleState {
      // JSON cannot hold ±Infinity: an unset best is saved as null.
      return {
        scale: state.scale,
        best: Number.isFinite(state.best) ? state.best : null,
        badReports: state.badReports,
        cooldownLeft: state.cooldownLeft,
      };
    },
    loadStateDict(saved: ScheduleState): void {
      const read = (key: string, range = { min: 0 }) =>
        checkNumber(`${op}.loadStateDict`, key, saved[key], range);
      state = {
        scale: read('scale'),
        best: saved.best === null ? worst : checkNumber(`${op}.loadStateDict`, 'best', saved.best),
        badReports: read('badReports'),
        cooldownLeft: read('cooldownLeft'),
      };
    },
  });
}
