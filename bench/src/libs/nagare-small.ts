import { type Tensor, tensor, tidy } from '@nagare/tensor';
import { TRAIN_LEARNING_RATE } from '../cases';
import { spiralBatches, spiralPoints } from '../spirals';
import type { CaseSpec, PreparedCase } from '../types';

type Zoo = typeof import('@nagare/layers/models');
type SmallSpec = Extract<CaseSpec, { suite: 'small' }>;

/** The `small` suite's 2-64-64-2 ReLU MLP, from nagare's model zoo, seeded with 0. */
export function buildSmallModel(zoo: Zoo) {
  return zoo.mlp([2, 64, 64, 2], 'relu', { seed: 0 });
}

/**
 * The `small` suite on the active nagare backend. `loop`: one hand-written Adam step per run
 * (forward, cross-entropy, backward, step, zero grad), cycling through the spiral batches, as the
 * `train` suite steps. `fit`: one epoch of `@nagare/train`'s `fit` over the same batches in the same
 * order (no shuffling) per run, so the two cases differ only by what `fit` adds per step.
 */
export async function prepareNagareSmall(spec: SmallSpec): Promise<PreparedCase> {
  const [layers, zoo, { Adam }] = await Promise.all([
    import('@nagare/layers'),
    import('@nagare/layers/models'),
    import('@nagare/optimizers'),
    import('@nagare/autograd'),
  ]);
  const model = buildSmallModel(zoo);
  const optimizer = new Adam(model.parameters(), { lr: TRAIN_LEARNING_RATE });
  const free = () => {
    optimizer.dispose();
    model.dispose();
  };
  if (spec.loop === 'fit') {
    const [{ fit }, { TensorDataset }] = await Promise.all([import('@nagare/train'), import('@nagare/data')]);
    const count = spec.batchSize * spec.batches;
    const { points, labels } = spiralPoints(count);
    const dataset = TensorDataset.fromColumns([
      { values: points, shape: [count, 2], dtype: 'float32' },
      { values: labels, shape: [count], dtype: 'int32' },
    ]);
    const options = { train: dataset, batchSize: spec.batchSize, shuffle: false, epochs: 1, optimizer };
    return {
      run: () => fit(model, { ...options, loss: layers.crossEntropy }),
      dispose: free,
    };
  }
  const tensors: { x: Tensor; y: Tensor }[] = spiralBatches(spec.batchSize, spec.batches).map((batch) => ({
    x: tensor(batch.points, { shape: [spec.batchSize, 2] }),
    y: tensor(batch.labels, { shape: [spec.batchSize] }),
  }));
  let step = 0;
  return {
    run: () => {
      const { x, y } = tensors[step++ % tensors.length];
      tidy(() => layers.crossEntropy(model.call(x), y).backward());
      optimizer.step();
      optimizer.zeroGrad();
    },
    dispose: () => {
      free();
      for (const { x, y } of tensors) {
        x.dispose();
        y.dispose();
      }
    },
  };
}
