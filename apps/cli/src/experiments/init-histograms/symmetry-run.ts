import { Adam } from '@nagare/optimizers';
import type { Callback } from '@nagare/train';
import type { ExperimentContext } from '../experiment';
import type { MnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import { distinctUnits, hiddenLayers, type SymmetryInit, symmetryNet } from './unit-symmetry';

/** What the zero-init demonstration measures for one initialization. */
export interface SymmetryRun {
  kind: SymmetryInit;
  run: ClassifierRun;
  /** `[step, distinct units]` per hidden layer, from step 0 (before training). */
  distinct: [number, number][][];
  /** The first `count` units' incoming weights of hidden layer 1 after training, 784 values each. */
  firstLayerUnits: Float32Array[];
}

/** Options of `symmetryRun`. */
export interface SymmetryRunOptions {
  data: MnistSubsets;
  hidden: number[];
  epochs: number;
  lr: number;
  batchSize: number;
  measureEvery: number;
  /** How many first-layer units to keep as images. */
  count: number;
}

/**
 * Trains `symmetryNet(kind)` on MNIST with Adam, counting each hidden layer's distinct units every
 * `measureEvery` steps (rows `{ part: 'symmetry', init, step, layer, distinct }` in metrics.jsonl).
 *
 * @example
 * const zero = await symmetryRun(context, 'zeros', { data, hidden: [50, 50], epochs: 2, lr: 1e-3,
 *   batchSize: 100, measureEvery: 50, count: 8 });
 * zero.distinct[0].at(-1); // [step, 1]: the 50 units of layer 1 are still one
 */
export async function symmetryRun(
  context: ExperimentContext<unknown>,
  kind: SymmetryInit,
  options: SymmetryRunOptions,
): Promise<SymmetryRun> {
  const model = symmetryNet(kind, options.hidden, context.seed);
  const layers = hiddenLayers(model);
  const distinct: [number, number][][] = layers.map(() => []);
  const measure = async (step: number) => {
    for (const [index, layer] of layers.entries()) {
      const count = distinctUnits(layer.weight, layer.bias ?? undefined);
      distinct[index].push([step, count]);
      await context.record({ part: 'symmetry', init: kind, step, layer: index + 1, distinct: count });
    }
  };
  await measure(0);
  const counter: Callback = {
    async onBatchEnd(_context, logs) {
      if ((logs.step + 1) % options.measureEvery === 0) await measure(logs.step + 1);
    },
  };
  const optimizer = new Adam(model.parameters(), { lr: options.lr });
  const run = await trainClassifier(context, {
    name: `${kind} init`,
    model,
    optimizer,
    train: options.data.train,
    test: options.data.test,
    epochs: options.epochs,
    batchSize: options.batchSize,
    seed: context.seed,
    tags: { part: 'symmetry', init: kind },
    callbacks: [counter],
  });
  const [first] = layers;
  const inputs = first.weight.shape[1];
  const weights = first.weight.dataSync();
  const firstLayerUnits = Array.from({ length: Math.min(options.count, first.weight.shape[0]) }, (_, unit) =>
    Float32Array.from(weights.subarray(unit * inputs, (unit + 1) * inputs)),
  );
  optimizer.dispose();
  model.dispose();
  return { kind, run, distinct, firstLayerUnits };
}
