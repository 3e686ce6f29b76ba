import { DataLoader } from '@nagare/data';
import { SGD } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import { defineExperiment, type JsonValue } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { trainClassifier } from '../support/train-classifier';
import { activationMoments, deepNet, NET_KINDS } from './deep-nets';
import { accuracyCharts, momentCharts, type NetResult, resultsTable, seluHeadline } from './selu-report';

/** Parameters of the selu-snn experiment. */
export interface SeluSnnParams {
  train: number;
  test: number;
  epochs: number;
  batchSize: number;
  lr: number;
  depths: number[];
  width: number;
  alphaDropout: number;
  /** Test images the activation moments are measured on. */
  probe: number;
}

/**
 * Item 7 of the curriculum: a self-normalizing network (SELU, LeCun-normal weights, AlphaDropout)
 * against ReLU with BatchNorm and plain ReLU at depths 8 and 16 on MNIST, trained with plain SGD:
 * test accuracy, and each hidden layer's activation mean and variance, which SELU keeps near (0, 1)
 * without any normalization layer (Klambauer et al., 2017).
 */
export const seluSnn = defineExperiment<SeluSnnParams>({
  name: 'selu-snn',
  description:
    'self-normalizing SELU net vs ReLU+BN vs plain ReLU at depths 8 and 16: accuracy, layer moments',
  sizes: {
    quick: {
      train: 5000,
      test: 2000,
      epochs: 2,
      batchSize: 128,
      lr: 0.01,
      depths: [8, 16],
      width: 128,
      alphaDropout: 0.05,
      probe: 1000,
    },
    default: {
      train: 20000,
      test: 10000,
      epochs: 3,
      batchSize: 64,
      lr: 0.01,
      depths: [8, 16],
      width: 128,
      alphaDropout: 0.05,
      probe: 1000,
    },
    full: {
      train: 60000,
      test: 10000,
      epochs: 10,
      batchSize: 64,
      lr: 0.01,
      depths: [8, 16, 32],
      width: 256,
      alphaDropout: 0.05,
      probe: 2000,
    },
  },
  async run(context) {
    const p = context.params;
    const { train, test } = await mnistSubsets({ train: p.train, test: p.test });
    const [probe] = new DataLoader<Tensor[], Tensor[]>(test, { batchSize: p.probe }).load(
      Array.from({ length: Math.min(p.probe, test.length) }, (_, i) => i),
    );
    const results: NetResult[] = [];
    for (const depth of p.depths) {
      for (const kind of NET_KINDS) {
        const model = deepNet(kind, {
          depth,
          width: p.width,
          alphaDropout: p.alphaDropout,
          seed: context.seed,
        });
        const atInit = activationMoments(model, probe, { useBatchStatistics: true });
        const optimizer = new SGD(model.parameters(), { lr: p.lr });
        const run = await trainClassifier(context, {
          name: `${kind}, depth ${depth}`,
          model,
          optimizer,
          train,
          test,
          epochs: p.epochs,
          batchSize: p.batchSize,
          seed: context.seed,
          tags: { kind, depth },
        });
        const trained = activationMoments(model, probe);
        for (const [stage, moments] of [
          ['init', atInit],
          ['trained', trained],
        ] as const) {
          for (const [index, m] of moments.entries()) {
            await context.record({ part: 'moments', kind, depth, stage, layer: index + 1, ...m });
          }
        }
        results.push({ kind, depth, run, atInit, trained });
        optimizer.dispose();
        model.dispose();
      }
    }
    probe.dispose();
    const headline = seluHeadline(results, p);
    const summary: Record<string, JsonValue> = {
      test_acc: Object.fromEntries(results.map((r) => [`${r.kind}/${r.depth}`, r.run.testAccuracy])),
      moments: Object.fromEntries(
        results.map((r) => [
          `${r.kind}/${r.depth}`,
          { init: r.atInit.map((m) => ({ ...m })), trained: r.trained.map((m) => ({ ...m })) },
        ]),
      ),
    };
    return {
      headline,
      sections: [
        {
          title: 'Test accuracy',
          html: `${accuracyCharts(results, p.depths)}${resultsTable(results)}`,
          caption: 'The ranges are over all hidden layers, measured on test digits without dropout.',
        },
        ...p.depths.map((depth) => ({
          title: `Activation moments per layer, depth ${depth}`,
          html: momentCharts(results, depth),
          caption:
            "Mean and variance of each hidden layer's outputs (after SELU or ReLU) over test digits, without dropout; at initialization BatchNorm uses the batch's statistics, after training its running averages. SELU with LeCun-normal weights has a stable fixed point at mean 0 and variance 1, so the statistics stay put through the layers without BatchNorm; ReLU outputs are never negative (mean > 0), and without BatchNorm their scale drifts with depth.",
        })),
      ],
      summary,
    };
  },
});
