import { ArgumentError, Generator } from '@nagare/tensor';
import { narrowSpace } from './narrow';
import { type ParamsOf, type SearchSpace, sampleParams } from './space';
import { rankTrials, type Trial } from './trial';

/** Successive halving: every trial starts at `minBudget`; the best 1/`eta` go on with `eta`× the budget. */
export interface HalvingOptions {
  minBudget: number;
  maxBudget: number;
  /** The reduction factor (default 3). */
  eta?: number;
}

/** What the objective learns about the evaluation it is asked for. */
export interface TrialContext {
  id: number;
  round: number;
  /** The budget to train to (epochs in `tune`); undefined without successive halving. */
  budget?: number;
  /** The budget this trial was already trained to by earlier rungs (0 at first): continue from there. */
  previousBudget: number;
}

/** Options of `randomSearch`. */
export interface RandomSearchOptions<S extends SearchSpace> {
  space: S;
  /** Trials per round. */
  trials: number;
  /** Scores one point (on validation data, never the test set). NaN counts as the worst score. */
  objective: (params: ParamsOf<S>, context: TrialContext) => number | Promise<number>;
  /** Whether lower (`'min'`, default) or higher scores are better. */
  mode?: 'min' | 'max';
  /** Seeds the sampling (default 0). */
  seed?: number;
  /** Rounds of search; each later round samples from the space narrowed around the best trials so far. Default 1. */
  rounds?: number;
  /** How many best trials narrow the space (default: a fifth of the trials so far, at least 2). */
  top?: number;
  /** Widening of the narrowed ranges (see `narrowSpace`). */
  margin?: number;
  halving?: HalvingOptions;
  /** Called once a trial is finished (completed, pruned or failed), e.g. to free its model. */
  onTrialEnd?: (trial: Trial<ParamsOf<S>>) => void | Promise<void>;
}

/** What `randomSearch` found. */
export interface SearchResult<S extends SearchSpace> {
  /** Every trial, in the order they were drawn. */
  trials: Trial<ParamsOf<S>>[];
  /** The best trial (see `rankTrials`). */
  best: Trial<ParamsOf<S>>;
  /** Each round's space and trials. */
  rounds: { space: S; trials: Trial<ParamsOf<S>>[] }[];
}

function checkOptions<S extends SearchSpace>(options: RandomSearchOptions<S>): void {
  const op = 'randomSearch';
  if (!Number.isInteger(options.trials) || options.trials < 1)
    throw new ArgumentError(op, `trials must be a positive integer, got ${options.trials}`);
  const rounds = options.rounds ?? 1;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new ArgumentError(op, `rounds must be a positive integer, got ${rounds}`);
  if (options.mode !== undefined && options.mode !== 'min' && options.mode !== 'max')
    throw new ArgumentError(op, `mode must be 'min' or 'max'`);
  if (typeof options.objective !== 'function') throw new ArgumentError(op, 'objective must be a function');
  const halving = options.halving;
  if (halving) {
    const { minBudget, maxBudget, eta = 3 } = halving;
    if (!(minBudget > 0 && maxBudget >= minBudget && eta > 1))
      throw new ArgumentError(
        op,
        `halving needs 0 < minBudget ≤ maxBudget and eta > 1, got ${JSON.stringify(halving)}`,
      );
  }
}

/**
 * The budgets of successive halving: minBudget, ×eta, …, ending at maxBudget.
 *
 * @example
 * halvingBudgets({ minBudget: 1, maxBudget: 9, eta: 3 }); // [1, 3, 9]
 */
export function halvingBudgets({ minBudget, maxBudget, eta = 3 }: HalvingOptions): number[] {
  const budgets = [minBudget];
  while (budgets[budgets.length - 1] < maxBudget)
    budgets.push(Math.min(maxBudget, Math.round(budgets[budgets.length - 1] * eta)));
  return budgets;
}

async function evaluateTrial<S extends SearchSpace>(
  options: RandomSearchOptions<S>,
  trial: Trial<ParamsOf<S>>,
  budget: number | undefined,
): Promise<void> {
  try {
    const score = await options.objective(trial.params, {
      id: trial.id,
      round: trial.round,
      budget,
      previousBudget: trial.budget ?? 0,
    });
    if (typeof score !== 'number')
      throw new ArgumentError('randomSearch', `the objective returned ${typeof score}, not a number`);
    trial.score = score;
    trial.scores.push({ budget, score });
    trial.budget = budget;
  } catch (error) {
    trial.status = 'failed';
    trial.score = Number.NaN;
    trial.error = error instanceof Error ? error.message : String(error);
  }
}

/** Runs one round's trials, with successive halving when asked. */
async function runRound<S extends SearchSpace>(
  options: RandomSearchOptions<S>,
  trials: Trial<ParamsOf<S>>[],
): Promise<void> {
  const mode = options.mode ?? 'min';
  const budgets = options.halving ? halvingBudgets(options.halving) : [undefined];
  const eta = options.halving?.eta ?? 3;
  let alive = trials;
  for (const [rung, budget] of budgets.entries()) {
    for (const trial of alive) await evaluateTrial(options, trial, budget);
    const ranked = rankTrials(
      alive.filter((t) => t.status !== 'failed'),
      mode,
    );
    const isLast = rung === budgets.length - 1;
    const keep = isLast ? ranked.length : Math.max(1, Math.floor(ranked.length / eta));
    for (const trial of ranked.slice(keep)) trial.status = 'pruned';
    for (const trial of alive) if (trial.status !== 'completed' || isLast) await options.onTrialEnd?.(trial);
    alive = ranked.slice(0, keep);
  }
}

/**
 * Random hyper-parameter search: `trials` points drawn from `space` per round and scored by
 * `objective` (on a validation split — never the test set). With `rounds > 1`, each later round draws
 * from the space narrowed around the best `top` trials so far (`narrowSpace`). With `halving`, each
 * round runs successive halving: all trials at `minBudget`, the best 1/`eta` continue with `eta`×
 * the budget until `maxBudget`; the others are marked `pruned`. Failed trials are kept with their error.
 *
 * @example
 * const result = await randomSearch({
 *   space: { lr: logUniform(1e-4, 1) }, trials: 20, rounds: 2,
 *   objective: async ({ lr }) => trainAndScoreOnValidation(lr),
 * });
 * console.log(formatTrials(result.trials));
 */
export async function randomSearch<S extends SearchSpace>(
  options: RandomSearchOptions<S>,
): Promise<SearchResult<S>> {
  checkOptions(options);
  const mode = options.mode ?? 'min';
  const generator = new Generator(options.seed ?? 0);
  const all: Trial<ParamsOf<S>>[] = [];
  const rounds: SearchResult<S>['rounds'] = [];
  let space = options.space;
  for (let round = 1; round <= (options.rounds ?? 1); round++) {
    if (round > 1) {
      const usable = rankTrials(all, mode).filter((t) => t.status !== 'failed' && !Number.isNaN(t.score));
      const top = options.top ?? Math.max(2, Math.ceil(all.length / 5));
      if (usable.length > 0) space = narrowSpace(space, usable.slice(0, top), { margin: options.margin });
    }
    const trials = Array.from(
      { length: options.trials },
      (_, i): Trial<ParamsOf<S>> => ({
        id: all.length + i,
        round,
        params: sampleParams(space, generator),
        score: Number.NaN,
        scores: [],
        status: 'completed',
      }),
    );
    all.push(...trials);
    await runRound(options, trials);
    rounds.push({ space, trials });
  }
  return { trials: all, best: rankTrials(all, mode)[0], rounds };
}
