import type { ExperimentContext } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { deepActivations, HISTOGRAM_ACTIVATIONS, layerStats, WEIGHT_INITS } from './deep-activations';
import type { DeepCase } from './histogram-figures';
import type { InitHistogramsParams } from './init-histograms';
import { type SymmetryRun, symmetryRun } from './symmetry-run';

/** Step 1: random inputs through the deep net for every activation × weight init, with each layer's statistics. */
export async function measureActivations(
  context: ExperimentContext<InitHistogramsParams>,
): Promise<DeepCase[]> {
  const p = context.params;
  const cases: DeepCase[] = [];
  for (const activation of HISTOGRAM_ACTIVATIONS) {
    for (const init of WEIGHT_INITS) {
      const layers = deepActivations(init, activation, { ...p, seed: context.seed });
      const stats = layers.map((values) => layerStats(values, activation));
      cases.push({ init, activation, layers, stats });
      for (const [index, s] of stats.entries()) {
        await context.record({ part: 'histograms', activation, init, layer: index + 1, ...s });
      }
    }
  }
  return cases;
}

/** Step 2: the sigmoid MLP trained on MNIST from all-zero weights and from Xavier weights, counting distinct units. */
export async function trainSymmetry(
  context: ExperimentContext<InitHistogramsParams>,
): Promise<SymmetryRun[]> {
  const p = context.params;
  const data = await mnistSubsets({ train: p.symmetryTrain, test: p.symmetryTest });
  const runs: SymmetryRun[] = [];
  for (const kind of ['zeros', 'xavier'] as const) {
    runs.push(
      await symmetryRun(context, kind, {
        data,
        hidden: p.symmetryHidden,
        epochs: p.symmetryEpochs,
        lr: p.symmetryLr,
        batchSize: 100,
        measureEvery: p.measureEvery,
        count: 8,
      }),
    );
  }
  return runs;
}
