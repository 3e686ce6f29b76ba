import { checkNumber, NON_NEGATIVE, POSITIVE_INTEGER } from '../validate';
import { checkStep } from './check-step';
import type { LrSchedule } from './lr-schedule';

/**
 * The same lr at every step (what a plain number means too; useful inside `sequentialLr`).
 *
 * @example
 * constantLr(0.1)(1000); // 0.1
 */
export function constantLr(lr: number): LrSchedule {
  checkNumber('constantLr', 'lr', lr, NON_NEGATIVE);
  return (step) => {
    checkStep('constantLr', step);
    return lr;
  };
}

/**
 * Multiplies lr by `gamma` (default 0.1) every `stepSize` steps: lr·γ^⌊step/stepSize⌋.
 *
 * @example
 * const schedule = stepLr({ lr: 0.1, stepSize: 30 });
 * schedule(29); // 0.1 — schedule(30) is 0.01
 */
export function stepLr(options: { lr: number; stepSize: number; gamma?: number }): LrSchedule {
  const { lr, stepSize, gamma = 0.1 } = options;
  checkNumber('stepLr', 'lr', lr, NON_NEGATIVE);
  checkNumber('stepLr', 'stepSize', stepSize, POSITIVE_INTEGER);
  checkNumber('stepLr', 'gamma', gamma, NON_NEGATIVE);
  return (step) => lr * gamma ** Math.floor(checkStep('stepLr', step) / stepSize);
}

/**
 * Multiplies lr by `gamma` (default 0.1) at each milestone step: lr·γ^(milestones ≤ step).
 *
 * @example
 * const schedule = multiStepLr({ lr: 0.1, milestones: [100, 150] });
 * schedule(120); // 0.01
 */
export function multiStepLr(options: {
  lr: number;
  milestones: readonly number[];
  gamma?: number;
}): LrSchedule {
  const { lr, milestones, gamma = 0.1 } = options;
  checkNumber('multiStepLr', 'lr', lr, NON_NEGATIVE);
  checkNumber('multiStepLr', 'gamma', gamma, NON_NEGATIVE);
  const sorted = [...milestones].sort((a, b) => a - b);
  for (const milestone of sorted)
    checkNumber('multiStepLr', 'milestones', milestone, { min: 0, isInteger: true });
  return (step) => {
    checkStep('multiStepLr', step);
    const passed = sorted.filter((milestone) => milestone <= step).length;
    return lr * gamma ** passed;
  };
}

/**
 * Decays lr by `gamma` every step: lr·γ^step.
 *
 * @example
 * exponentialLr({ lr: 0.1, gamma: 0.99 })(100); // 0.1 · 0.99^100
 */
export function exponentialLr(options: { lr: number; gamma: number }): LrSchedule {
  const { lr, gamma } = options;
  checkNumber('exponentialLr', 'lr', lr, NON_NEGATIVE);
  checkNumber('exponentialLr', 'gamma', gamma, NON_NEGATIVE);
  return (step) => lr * gamma ** checkStep('exponentialLr', step);
}
