import type { Dataset } from '@nagare/data';
import { SGD } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { ExperimentContext } from '../experiment';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import type { BatchnormParams } from './batchnorm';
import { scaledMlp } from './scaled-mlp';

/** One initial weight scale, trained without and with BatchNorm. */
export interface ScaleResult {
  scale: number;
  plain: ClassifierRun;
  normalized: ClassifierRun;
}

/** MNIST digits to train and test on. */
export interface Digits {
  train: Dataset<Tensor[]>;
  test: Dataset<Tensor[]>;
}

async function trainArm(
  context: ExperimentContext<BatchnormParams>,
  digits: Digits,
  scale: number,
  hasBatchNorm: boolean,
): Promise<ClassifierRun> {
  const p = context.params;
  const model = scaledMlp({ hidden: p.hidden, scale, hasBatchNorm, seed: context.seed });
  const optimizer = new SGD(model.parameters(), { lr: p.lr });
  const run = await trainClassifier(context, {
    name: `${hasBatchNorm ? 'with' : 'without'} BN, std ${scale}`,
    model,
    optimizer,
    ...digits,
    epochs: p.epochs,
    batchSize: p.batchSize,
    seed: context.seed,
    measureTrain: true,
    tags: { scale, batch_norm: hasBatchNorm },
  });
  optimizer.dispose();
  model.dispose();
  return run;
}

/** Step 2: at every initial weight scale, the same net trained plain and with BatchNorm (the same weights and batches). */
export async function trainEachScale(
  context: ExperimentContext<BatchnormParams>,
  digits: Digits,
): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const scale of context.params.scales) {
    const plain = await trainArm(context, digits, scale, false);
    const normalized = await trainArm(context, digits, scale, true);
    results.push({ scale, plain, normalized });
  }
  return results;
}
