import { mnistBatches } from '../mnist';
import type { CaseSpec, PreparedCase } from '../types';
import { prepareNagareTrainingOn, TRAIN_BATCHES } from './nagare-train-step';

export { buildModel, TRAIN_BATCHES } from './nagare-train-step';

/**
 * One MNIST training step per run on the active nagare backend (see `prepareNagareTrainingOn`),
 * on the first MNIST training digits.
 */
export async function prepareNagareTraining(
  spec: Extract<CaseSpec, { suite: 'train' }>,
): Promise<PreparedCase> {
  return prepareNagareTrainingOn(spec, mnistBatches(spec.batchSize, TRAIN_BATCHES));
}
