// One MNIST training step of a nagare model per run, on given mini-batches. No Node imports: the
// browser bench runs it in a page (nagare-train.ts reads the batches from the MNIST files).
import { type Tensor, tensor, tidy } from '@nagare/tensor';
import { TRAIN_LEARNING_RATE } from '../cases';
import { MNIST_PIXELS, type MnistBatch } from '../mnist-batch';
import type { CaseSpec, PreparedCase, TrainModel } from '../types';

type Zoo = typeof import('@nagare/layers/models');

/** Distinct mini-batches cycled through, so steps do not reuse one batch's cached values. */
export const TRAIN_BATCHES = 8;

/**
 * The 784-256-128-10 ReLU MLP or LeNet-5 (ReLU, max-pool) from nagare's model zoo, seeded with 0
 * (the zoo is their one definition; tfjs-train.ts builds the same two for TensorFlow.js).
 */
export function buildModel(zoo: Zoo, model: TrainModel) {
  if (model === 'mlp') return zoo.mlp([MNIST_PIXELS, 256, 128, 10], 'relu', { seed: 0 });
  return zoo.lenet5({ variant: 'modern', seed: 0 });
}

/**
 * One MNIST training step per run on the active nagare backend: forward, cross-entropy, backward,
 * Adam (lr 1e-3) step, cycling through `mnist`. Layers, optimizers and autograd are loaded here, so
 * a run without them reports this case as unavailable instead of failing.
 */
export async function prepareNagareTrainingOn(
  spec: Extract<CaseSpec, { suite: 'train' }>,
  mnist: readonly MnistBatch[],
): Promise<PreparedCase> {
  const [layers, zoo, { Adam }] = await Promise.all([
    import('@nagare/layers'),
    import('@nagare/layers/models'),
    import('@nagare/optimizers'),
    import('@nagare/autograd'),
  ]);
  const imageShape = spec.model === 'mlp' ? [spec.batchSize, MNIST_PIXELS] : [spec.batchSize, 1, 28, 28];
  const batches: { x: Tensor; y: Tensor }[] = mnist.map((batch) => ({
    x: tensor(batch.images, { shape: imageShape }),
    y: tensor(batch.labels, { shape: [spec.batchSize] }),
  }));
  const model = buildModel(zoo, spec.model);
  const optimizer = new Adam(model.parameters(), { lr: TRAIN_LEARNING_RATE });
  let step = 0;
  return {
    run: () => {
      const { x, y } = batches[step++ % batches.length];
      tidy(() => layers.crossEntropy(model.call(x), y).backward());
      optimizer.step();
      optimizer.zeroGrad();
    },
    dispose: () => {
      optimizer.dispose();
      model.dispose();
      for (const { x, y } of batches) {
        x.dispose();
        y.dispose();
      }
    },
  };
}
