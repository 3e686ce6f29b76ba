import { noGrad } from '@nagare/autograd';
import { crossEntropy } from '@nagare/layers';
import { argmax, type Tensor, tidy } from '@nagare/tensor';
import type { TrainConfig } from '../config/train-config';
import type { Recipe } from '../recipes/recipe';
import { createOptimizer } from './optimizer-factory';

/**
 * Runs a throwaway copy of the recipe's model through a warm-up step and `timedSteps` timed training
 * steps (forward, loss, backward, optimizer update) and one evaluation forward on `batch`, on the
 * active backend, and frees everything it made. Throws whatever the backend throws (a missing
 * kernel). Returns the mean seconds per training step.
 *
 * @example
 * const seconds = trialSteps(recipe, config, [x, y], 3);
 */
export function trialSteps(
  recipe: Recipe,
  config: TrainConfig,
  batch: readonly [Tensor, Tensor],
  timedSteps: number,
): number {
  const model = recipe.build(config);
  const optimizer = createOptimizer(config.optimizer, model.parameters(), config);
  try {
    let started = 0;
    for (let step = 0; step <= timedSteps; step++) {
      if (step === 1) started = performance.now();
      tidy(() => {
        crossEntropy(model.call(batch[0]), batch[1]).backward();
        optimizer.step();
        optimizer.zeroGrad();
      });
    }
    const seconds = (performance.now() - started) / 1000 / timedSteps;
    model.eval();
    noGrad(() => tidy(() => argmax(model.call(batch[0]), 1).dataSync()));
    return seconds;
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}
