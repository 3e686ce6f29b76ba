import { Generator, type Tensor, tensor, tidy } from '@nagare/tensor';
import { TRAIN_LEARNING_RATE } from '../cases';
import { MNIST_PIXELS, mnistBatches } from '../mnist';
import type { CaseSpec, PreparedCase, TrainModel } from '../types';

type Layers = typeof import('@nagare/layers');

/** Distinct mini-batches cycled through, so steps do not reuse one batch's cached values. */
export const TRAIN_BATCHES = 8;

/** The 784-256-128-10 ReLU MLP or LeNet-5 (ReLU, max-pool) as a nagare Sequential. */
export function buildModel(layers: Layers, model: TrainModel) {
  const { Conv2d, Flatten, Linear, MaxPool2d, ReLU, Sequential } = layers;
  const generator = new Generator(0);
  if (model === 'mlp') {
    return new Sequential(
      new Linear(MNIST_PIXELS, 256, { generator }),
      new ReLU(),
      new Linear(256, 128, { generator }),
      new ReLU(),
      new Linear(128, 10, { generator }),
    );
  }
  return new Sequential(
    new Conv2d(1, 6, 5, { padding: 2, generator }),
    new ReLU(),
    new MaxPool2d(2),
    new Conv2d(6, 16, 5, { generator }),
    new ReLU(),
    new MaxPool2d(2),
    new Flatten(),
    new Linear(16 * 5 * 5, 120, { generator }),
    new ReLU(),
    new Linear(120, 84, { generator }),
    new ReLU(),
    new Linear(84, 10, { generator }),
  );
}

/**
 * One MNIST training step per run on the active nagare backend: forward, cross-entropy, backward,
 * Adam (lr 1e-3) step. Layers, optimizers and autograd are loaded here, so a run without them
 * reports this case as unavailable instead of failing.
 */
export async function prepareNagareTraining(
  spec: Extract<CaseSpec, { suite: 'train' }>,
): Promise<PreparedCase> {
  const [layers, { Adam }] = await Promise.all([
    import('@nagare/layers'),
    import('@nagare/optimizers'),
    import('@nagare/autograd'),
  ]);
  const imageShape = spec.model === 'mlp' ? [spec.batchSize, MNIST_PIXELS] : [spec.batchSize, 1, 28, 28];
  const batches: { x: Tensor; y: Tensor }[] = mnistBatches(spec.batchSize, TRAIN_BATCHES).map((batch) => ({
    x: tensor(batch.images, { shape: imageShape }),
    y: tensor(batch.labels, { shape: [spec.batchSize] }),
  }));
  const model = buildModel(layers, spec.model);
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
