import type { TrainConfig } from '../config/train-config';
import type { Recipe } from '../recipes/recipe';
import { chooseTrainingBackend } from './choose-backend';
import { fitSession } from './fit-session';
import { loadSplits } from './load-splits';
import type { ProgressOutput } from './progress-callback';
import { endRun } from './run-end';
import { startRun } from './run-start';

export { INTERRUPTED_EXIT_CODE } from './fit-session';

/** What `runTraining` trains and where it writes. */
export interface TrainingPlan {
  recipe: Recipe;
  config: TrainConfig;
  /** The run directory (--out, or the resumed run's); null for a fresh `runs/<recipe>-<date>-<time>`. */
  out: string | null;
  /** The checkpoint a resumed run continues from (last, or best when last is missing); null for a new run. */
  resumeFrom: string | null;
  /** Start from the weights of this safetensors file (`--init-from`) instead of the recipe's init. */
  initFrom?: string;
}

/**
 * Trains a recipe end to end: loads the data, chooses the backend, starts the run (directory,
 * config.json, model), fits it with progress, metrics.jsonl, checkpoints and a NaN guard, then
 * measures the test split on the best checkpoint and writes report.html. Returns the process exit
 * code (0, or 130 after Ctrl-C with a checkpoint written).
 *
 * @example
 * await runTraining({ recipe, config, out: 'runs/x', resumeFrom: null }, { stream: process.stderr, log: console.log });
 */
export async function runTraining(plan: TrainingPlan, output: ProgressOutput): Promise<number> {
  const splits = await loadSplits(plan.recipe, plan.config);
  const choice = await chooseTrainingBackend(plan.recipe, plan.config, splits);
  const isResume = plan.resumeFrom !== null;
  const session = await startRun({ ...plan, isResume }, splits, choice, output.log);
  const outcome = await fitSession(session, plan.resumeFrom, output);
  return endRun(session, outcome, output.log);
}
