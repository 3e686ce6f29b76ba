import { type BackendChoice, selectBackend } from '../backend/select-backend';
import type { TrainConfig } from '../config/train-config';
import type { Recipe } from '../recipes/recipe';
import { firstBatch, type RunSplits } from './load-splits';
import { trialSteps } from './trial-step';

/**
 * Picks the backend for training `recipe` with `config`: 'auto' times a few real training steps on
 * the first batch of the training split with each candidate.
 *
 * @example
 * const choice = await chooseTrainingBackend(recipe, config, splits);
 */
export function chooseTrainingBackend(
  recipe: Recipe,
  config: TrainConfig,
  splits: RunSplits,
): Promise<BackendChoice> {
  return selectBackend(config.backend, config.threads, (steps) => {
    const batch = firstBatch(splits.train, config.batchSize);
    try {
      return trialSteps(recipe, config, batch, steps);
    } finally {
      for (const tensor of batch) tensor.dispose();
    }
  });
}

/** The backend line a run prints: name, threads of wasm, and why it was chosen. */
export function backendLine(choice: BackendChoice, threads: number): string {
  const detail = choice.name === 'wasm' ? ` (${threads} thread${threads === 1 ? '' : 's'})` : '';
  return `backend: ${choice.name}${detail}${choice.reason ? ` — ${choice.reason}` : ''}`;
}
