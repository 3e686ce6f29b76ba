import type { ParamValue } from './space';

/** How a trial ended: trained to its full budget, stopped early by successive halving, or threw. */
export type TrialStatus = 'completed' | 'pruned' | 'failed';

/** One evaluated point of a search. */
export interface Trial<P = Record<string, ParamValue>> {
  /** Unique across rounds, counting from 0. */
  id: number;
  /** The search round, counting from 1. */
  round: number;
  params: P;
  /** The objective's last score (NaN when it failed or diverged). */
  score: number;
  /** The budget (epochs in `tune`) of the last evaluation; undefined without successive halving. */
  budget?: number;
  /** Every evaluation of this trial, one per rung of successive halving. */
  scores: { budget?: number; score: number }[];
  status: TrialStatus;
  /** The error message of a failed trial. */
  error?: string;
}

/** A NaN score ranks below every number, whichever the direction. */
function compareScores(a: number, b: number, mode: 'min' | 'max'): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
  return mode === 'min' ? a - b : b - a;
}

const STATUS_RANK: Record<TrialStatus, number> = { completed: 0, pruned: 1, failed: 2 };

/**
 * Trials best first: completed before pruned (then higher budgets first) before failed, and by
 * score within each group.
 *
 * @example
 * const [best] = rankTrials(result.trials, 'min');
 */
export function rankTrials<P>(trials: readonly Trial<P>[], mode: 'min' | 'max'): Trial<P>[] {
  return [...trials].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      (b.budget ?? 0) - (a.budget ?? 0) ||
      compareScores(a.score, b.score, mode) ||
      a.id - b.id,
  );
}
