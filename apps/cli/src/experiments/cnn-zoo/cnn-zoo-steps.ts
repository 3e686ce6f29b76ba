import { Module } from '@nagare/layers';
import { lenet5 } from '@nagare/layers/models';
import { Adam, cosineAnnealingLr } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import { lrScheduler } from '@nagare/train';
import type { ExperimentContext } from '../experiment';
import { type MnistSubsets, mnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import type { CnnZooParams, LenetVariant } from './cnn-zoo';
import { shapesDataset } from './shapes-dataset';
import { buildSmallCnn, SMALL_CNN_DESCRIPTIONS } from './small-cnns';

/** One trained net of the zoo, as the report lists it. */
export interface ZooEntry {
  name: string;
  dataset: string;
  architecture: string;
  parameters: number;
  seconds: number;
  run: ClassifierRun;
}

/** A train and a test set. */
export type Split = MnistSubsets;

const LENETS: Record<LenetVariant, { name: string; architecture: string }> = {
  original: {
    name: 'LeNet-5',
    architecture:
      'inputs scaled to [−0.1, 1.175] → conv5×5 (6) → avg-pool → conv5×5 (16) → avg-pool → 120 → 84 → 10, tanh (LeCun et al., 1998)',
  },
  modern: {
    name: 'LeNet-5, ReLU + max-pool',
    architecture:
      'inputs scaled to [−0.1, 1.175] → conv5×5 (6) → max-pool → conv5×5 (16) → max-pool → 120 → 84 → 10, ReLU',
  },
};

/**
 * LeNet-5 as the paper feeds it: pixel values scaled so the background is −0.1 and the ink 1.175,
 * which makes the inputs' mean about 0 and variance about 1 — what its tanh units train best on
 * (LeCun et al., 1998, §II.A). The parameters are LeNet-5's own, under `net.`.
 */
class PaperLenet5 extends Module {
  readonly net: Module;

  constructor(variant: LenetVariant, seed: number) {
    super();
    this.net = this.registerModule('net', lenet5({ variant, seed }));
  }

  forward(x: Tensor): Tensor {
    return this.net.call(x.mul(1.275).sub(0.1));
  }
}

interface ZooTraining {
  name: string;
  dataset: string;
  architecture: string;
  model: Module<[Tensor], Tensor>;
  data: Split;
  epochs: number;
}

// Every net trains with Adam at the same lr; with `cosine` the lr anneals to 0 over the run, which
// is what takes LeNet-5 from about 98.9% to 99% and beyond on all 60,000 digits.
async function trainEntry(
  context: ExperimentContext<CnnZooParams>,
  training: ZooTraining,
): Promise<ZooEntry> {
  const p = context.params;
  const { model, data, epochs } = training;
  const optimizer = new Adam(model.parameters(), { lr: p.lr });
  const totalSteps = epochs * Math.ceil(data.train.length / p.batchSize);
  const callbacks = p.schedule === 'cosine' ? [lrScheduler(cosineAnnealingLr({ lr: p.lr, totalSteps }))] : [];
  const started = performance.now();
  const run = await trainClassifier(context, {
    name: training.name,
    model,
    optimizer,
    ...data,
    epochs,
    batchSize: p.batchSize,
    seed: context.seed,
    tags: { dataset: training.dataset },
    callbacks,
  });
  const seconds = (performance.now() - started) / 1000;
  const parameters = model.numParameters();
  optimizer.dispose();
  model.dispose();
  return {
    name: training.name,
    dataset: training.dataset,
    architecture: training.architecture,
    parameters,
    seconds,
    run,
  };
}

/** Step 1: load the MNIST digits and train each LeNet-5 variant on them (the paper's first). */
export async function trainLenets(context: ExperimentContext<CnnZooParams>): Promise<ZooEntry[]> {
  const p = context.params;
  const data = await mnistSubsets({ train: p.mnistTrain, test: p.mnistTest });
  const entries: ZooEntry[] = [];
  for (const variant of p.lenetVariants) {
    entries.push(
      await trainEntry(context, {
        ...LENETS[variant],
        dataset: 'MNIST',
        model: new PaperLenet5(variant, context.seed),
        data,
        epochs: p.lenetEpochs,
      }),
    );
  }
  return entries;
}

/** Step 2: draw the synthetic 32×32 shape images (train and test from different seeds). */
export function drawShapes(params: CnnZooParams, seed: number): Split {
  return {
    train: shapesDataset(params.shapesTrain, seed + 1, params.shapeClasses),
    test: shapesDataset(params.shapesTest, seed + 2, params.shapeClasses),
  };
}

/** Step 3: train each of the VGG-, ResNet- and Inception-style nets on the shapes. */
export async function trainSmallCnns(
  context: ExperimentContext<CnnZooParams>,
  shapes: Split,
): Promise<ZooEntry[]> {
  const p = context.params;
  const entries: ZooEntry[] = [];
  for (const name of p.nets) {
    entries.push(
      await trainEntry(context, {
        name,
        dataset: '32×32 shapes',
        architecture: SMALL_CNN_DESCRIPTIONS[name],
        model: buildSmallCnn(name, p.shapeClasses, context.seed),
        data: shapes,
        epochs: p.shapesEpochs,
      }),
    );
  }
  return entries;
}
