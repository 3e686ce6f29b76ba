import { DataLoader, type Dataset } from '@nagare/data';
import { SGD } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { ExperimentContext } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import { activationMoments, deepNet, NET_KINDS } from './deep-nets';
import type { NetResult } from './selu-report';
import type { SeluSnnParams } from './selu-snn';
import { CNN_ACTIVATIONS, type CnnActivation, snnPaperCnn } from './snn-cnn';

/** The digits every net trains and is tested on, and the test batch the moments are measured on. */
export interface SeluData {
  train: Dataset<Tensor[]>;
  test: Dataset<Tensor[]>;
  probe: Tensor;
}

/** One seed of the paper's MNIST CNN with one activation. */
export interface CnnResult {
  activation: CnnActivation;
  seed: number;
  run: ClassifierRun;
}

// Batch losses are kept every this many steps for the training-loss curves.
const LOSS_EVERY = 10;

/** Step 1: load the digits and take the probe batch of test images. */
export async function loadDigits(p: SeluSnnParams): Promise<SeluData> {
  const { train, test } = await mnistSubsets({ train: p.train, test: p.test });
  const [probe] = new DataLoader<Tensor[], Tensor[]>(test, { batchSize: p.probe }).load(
    Array.from({ length: Math.min(p.probe, test.length) }, (_, i) => i),
  );
  return { train, test, probe };
}

/**
 * Step 2: the deep fully connected comparison — at every depth, the SNN, ReLU+BN and plain ReLU,
 * each trained with plain SGD, with its hidden layers' activation moments before and after training.
 */
export async function trainDeepNets(
  context: ExperimentContext<SeluSnnParams>,
  data: SeluData,
): Promise<NetResult[]> {
  const p = context.params;
  const results: NetResult[] = [];
  for (const depth of p.depths) {
    for (const kind of NET_KINDS) {
      const model = deepNet(kind, {
        depth,
        width: p.width,
        alphaDropout: p.alphaDropout,
        seed: context.seed,
      });
      const atInit = activationMoments(model, data.probe, { useBatchStatistics: true });
      const optimizer = new SGD(model.parameters(), { lr: p.lr });
      const run = await trainClassifier(context, {
        name: `${kind}, depth ${depth}`,
        model,
        optimizer,
        train: data.train,
        test: data.test,
        epochs: p.epochs,
        batchSize: p.batchSize,
        seed: context.seed,
        lossEvery: LOSS_EVERY,
        tags: { kind, depth },
      });
      const trained = activationMoments(model, data.probe);
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
  return results;
}

/**
 * Step 3: the paper's MNIST CNN, SELU against ReLU, once per seed (`cnnSeeds` seeds from the run's
 * seed on), trained with SGD and momentum 0.9.
 */
export async function trainPaperCnns(
  context: ExperimentContext<SeluSnnParams>,
  data: SeluData,
): Promise<CnnResult[]> {
  const p = context.params;
  const results: CnnResult[] = [];
  for (let offset = 0; offset < p.cnnSeeds; offset++) {
    const seed = context.seed + offset;
    for (const activation of CNN_ACTIVATIONS) {
      const model = snnPaperCnn(activation, {
        channels: p.cnnChannels,
        hidden: p.cnnHidden,
        dropout: p.cnnDropout,
        seed,
      });
      const optimizer = new SGD(model.parameters(), { lr: p.cnnLr, momentum: 0.9 });
      const run = await trainClassifier(context, {
        name: `CNN ${activation}, seed ${seed}`,
        model,
        optimizer,
        train: data.train,
        test: data.test,
        epochs: p.cnnEpochs,
        batchSize: p.batchSize,
        seed,
        tags: { part: 'cnn', activation, seed },
      });
      results.push({ activation, seed, run });
      optimizer.dispose();
      model.dispose();
    }
  }
  return results;
}

/** Mean and sample standard deviation (0 for a single value). */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, std: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0 };
}
