import { loadCheckpoint } from '@nagare/train';
import { CliError } from '../errors/cli-error';
import type { RecipeModel } from '../recipes/recipe';

/**
 * Copies the weights of a safetensors file into a freshly built model before training (`nagare
 * train --init-from FILE`): a nagare checkpoint (its optimizer state is ignored) or a PyTorch
 * state dict saved with the exported model.py's `save_safetensors`. The keys must be exactly the
 * model's; a missing or corrupt file (CheckpointError) or weights that do not fit (CliError) fail
 * before anything is trained.
 *
 * @example
 * await initializeFrom(model, 'runs/x-torch/trained.safetensors');
 */
export async function initializeFrom(model: RecipeModel, file: string): Promise<void> {
  const checkpoint = await loadCheckpoint(file);
  try {
    model.loadStateDict(checkpoint.weights);
  } catch (error) {
    throw new CliError(file, `--init-from: weights do not fit this model (${(error as Error).message})`);
  } finally {
    checkpoint.dispose();
  }
}
