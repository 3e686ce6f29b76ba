import { checkNumber } from '../validate';

/** Checks the step a schedule is evaluated at: a non-negative integer. */
export function checkStep(op: string, step: number): number {
  return checkNumber(op, 'step', step, { min: 0, isInteger: true });
}
