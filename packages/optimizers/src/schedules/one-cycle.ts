import { ArgumentError } from '@nagare/tensor';
import { checkBoolean, checkNumber, POSITIVE_INTEGER } from '../validate';
import { checkStep } from './check-step';
import type { LrSchedule } from './lr-schedule';

/** Options of `oneCycleLr` (PyTorch's OneCycleLR names and defaults). */
export interface OneCycleOptions {
  /** The peak lr. */
  maxLr: number;
  /** Steps in the whole cycle; later steps hold the final lr. */
  totalSteps: number;
  /** Fraction of the cycle spent rising. Default 0.3. */
  pctStart?: number;
  /** The cycle starts at maxLr / divFactor. Default 25. */
  divFactor?: number;
  /** It ends at (maxLr / divFactor) / finalDivFactor. Default 1e4. */
  finalDivFactor?: number;
  /** 'cos' (default) or 'linear' interpolation inside each phase. */
  annealStrategy?: 'cos' | 'linear';
  /** Fall back to the starting lr before the final annihilation phase (fast.ai's form). Default false. */
  threePhase?: boolean;
}

/**
 * The 1cycle policy (Smith & Topin 2017): rise from maxLr/divFactor to maxLr over pctStart of
 * the steps, then anneal far below the start, step for step as PyTorch's OneCycleLR (lr only).
 *
 * @example
 * const schedule = oneCycleLr({ maxLr: 0.1, totalSteps: 1000 });
 * schedule(0); // 0.004 — schedule(299) is 0.1
 */
export function oneCycleLr(options: OneCycleOptions): LrSchedule {
  const op = 'oneCycleLr';
  const {
    maxLr,
    totalSteps,
    pctStart = 0.3,
    divFactor = 25,
    finalDivFactor = 1e4,
    annealStrategy = 'cos',
    threePhase = false,
  } = options;
  checkNumber(op, 'maxLr', maxLr, { min: 0 });
  checkNumber(op, 'totalSteps', totalSteps, POSITIVE_INTEGER);
  checkNumber(op, 'pctStart', pctStart, { min: 0, max: 1, openMin: true, openMax: true });
  checkNumber(op, 'divFactor', divFactor, { min: 0, openMin: true });
  checkNumber(op, 'finalDivFactor', finalDivFactor, { min: 0, openMin: true });
  checkBoolean(op, 'threePhase', threePhase);
  if (annealStrategy !== 'cos' && annealStrategy !== 'linear')
    throw new ArgumentError(op, `annealStrategy must be 'cos' or 'linear' (got ${String(annealStrategy)})`);
  const initialLr = maxLr / divFactor;
  const minLr = initialLr / finalDivFactor;
  const rise = pctStart * totalSteps - 1;
  const phases = threePhase
    ? [
        { end: rise, from: initialLr, to: maxLr },
        { end: 2 * pctStart * totalSteps - 2, from: maxLr, to: initialLr },
        { end: totalSteps - 1, from: initialLr, to: minLr },
      ]
    : [
        { end: rise, from: initialLr, to: maxLr },
        { end: totalSteps - 1, from: maxLr, to: minLr },
      ];
  const anneal = (from: number, to: number, pct: number): number =>
    annealStrategy === 'cos'
      ? to + ((from - to) / 2) * (Math.cos(Math.PI * pct) + 1)
      : from + (to - from) * pct;
  return (step) => {
    const clamped = Math.min(checkStep(op, step), totalSteps - 1);
    let start = 0;
    for (let i = 0; i < phases.length; i++) {
      const phase = phases[i];
      if (clamped <= phase.end || i === phases.length - 1) {
        // A phase shorter than one step (tiny totalSteps) is already complete.
        const pct = phase.end > start ? (clamped - start) / (phase.end - start) : 1;
        return anneal(phase.from, phase.to, Math.min(1, Math.max(0, pct)));
      }
      start = phase.end;
    }
    return minLr;
  };
}
