import { ArgumentError } from '@nagare/tensor';
import { checkNumber, NON_NEGATIVE, POSITIVE_INTEGER } from '../validate';
import { checkStep } from './check-step';
import type { LrSchedule } from './lr-schedule';

/**
 * Cosine annealing (Loshchilov & Hutter, SGDR, one cycle without restarts):
 * minLr + (lr − minLr)·(1 + cos(π·step/totalSteps))/2, holding minLr from `totalSteps` on.
 *
 * @example
 * const schedule = cosineAnnealingLr({ lr: 0.1, totalSteps: 100 });
 * schedule(50); // 0.05
 */
export function cosineAnnealingLr(options: { lr: number; totalSteps: number; minLr?: number }): LrSchedule {
  const { lr, totalSteps, minLr = 0 } = options;
  checkNumber('cosineAnnealingLr', 'lr', lr, NON_NEGATIVE);
  checkNumber('cosineAnnealingLr', 'totalSteps', totalSteps, POSITIVE_INTEGER);
  checkNumber('cosineAnnealingLr', 'minLr', minLr, NON_NEGATIVE);
  return (step) => {
    const progress = Math.min(checkStep('cosineAnnealingLr', step), totalSteps) / totalSteps;
    return minLr + ((lr - minLr) * (1 + Math.cos(Math.PI * progress))) / 2;
  };
}

/**
 * Linear warm-up: lr·min(1, (step + 1)/warmupSteps), so step 0 already moves (lr/warmupSteps)
 * and lr is reached at step warmupSteps − 1.
 *
 * @example
 * const schedule = linearWarmupLr({ lr: 1e-3, warmupSteps: 4 });
 * schedule(0); // 2.5e-4 — schedule(3) is 1e-3
 */
export function linearWarmupLr(options: { lr: number; warmupSteps: number }): LrSchedule {
  const { lr, warmupSteps } = options;
  checkNumber('linearWarmupLr', 'lr', lr, NON_NEGATIVE);
  checkNumber('linearWarmupLr', 'warmupSteps', warmupSteps, POSITIVE_INTEGER);
  return (step) => lr * Math.min(1, (checkStep('linearWarmupLr', step) + 1) / warmupSteps);
}

/**
 * Chains schedules: `schedules[i]` runs from `milestones[i − 1]` on, evaluated at the steps since
 * its milestone (as PyTorch's SequentialLR). One milestone fewer than schedules, increasing.
 *
 * @example
 * const warm = linearWarmupLr({ lr: 1e-3, warmupSteps: 100 });
 * const schedule = sequentialLr([warm, cosineAnnealingLr({ lr: 1e-3, totalSteps: 900 })], [100]);
 */
export function sequentialLr(schedules: readonly LrSchedule[], milestones: readonly number[]): LrSchedule {
  if (schedules.length === 0) throw new ArgumentError('sequentialLr', 'needs at least one schedule');
  if (milestones.length !== schedules.length - 1) {
    throw new ArgumentError(
      'sequentialLr',
      `needs ${schedules.length - 1} milestones for ${schedules.length} schedules (got ${milestones.length})`,
    );
  }
  milestones.forEach((milestone, i) => {
    checkNumber('sequentialLr', `milestones[${i}]`, milestone, {
      min: i === 0 ? 1 : milestones[i - 1] + 1,
      isInteger: true,
    });
  });
  return (step) => {
    checkStep('sequentialLr', step);
    let index = 0;
    while (index < milestones.length && step >= milestones[index]) index++;
    return schedules[index](step - (index === 0 ? 0 : milestones[index - 1]));
  };
}

/**
 * Linear warm-up to `lr` over `warmupSteps`, then cosine annealing to `minLr` at `totalSteps`:
 * the usual transformer schedule, built from `linearWarmupLr`, `cosineAnnealingLr` and `sequentialLr`.
 *
 * @example
 * const schedule = warmupCosineLr({ lr: 3e-4, warmupSteps: 100, totalSteps: 1000 });
 * new AdamW(params, { lr: schedule });
 */
export function warmupCosineLr(options: {
  lr: number;
  warmupSteps: number;
  totalSteps: number;
  minLr?: number;
}): LrSchedule {
  const { lr, warmupSteps, totalSteps, minLr = 0 } = options;
  const warmup = linearWarmupLr({ lr, warmupSteps });
  checkNumber('warmupCosineLr', 'totalSteps', totalSteps, { min: warmupSteps + 1, isInteger: true });
  const cosine = cosineAnnealingLr({ lr, totalSteps: totalSteps - warmupSteps, minLr });
  return sequentialLr([warmup, cosine], [warmupSteps]);
}
