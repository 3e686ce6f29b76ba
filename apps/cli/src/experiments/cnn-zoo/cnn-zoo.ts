import type { Dataset } from '@nagare/data';
import type { Module } from '@nagare/layers';
import { lenet5 } from '@nagare/layers/models';
import { Adam } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import { barChart } from '../../report/bar-chart';
import { chartRow } from '../../report/experiment-report';
import { imageGrid } from '../../report/image-grid';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { formatDuration, percent } from '../../util/format';
import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import { SHAPE_CLASSES, SHAPE_SIZE, shapesDataset } from './shapes-dataset';
import { buildSmallCnn, SMALL_CNN_DESCRIPTIONS, SMALL_CNNS, type SmallCnnName } from './small-cnns';

/** Parameters of the cnn-zoo experiment. */
export interface CnnZooParams {
  mnistTrain: number;
  mnistTest: number;
  lenetEpochs: number;
  shapesTrain: number;
  shapesTest: number;
  shapesEpochs: number;
  /** Shape classes to tell apart (2–8; the first ones differ most). */
  shapeClasses: number;
  /** Which of the 32×32 nets to train (default all three). */
  nets: SmallCnnName[];
  batchSize: number;
  /** Adam's learning rate for every net. */
  lr: number;
}

interface ZooEntry {
  name: string;
  dataset: string;
  architecture: string;
  parameters: number;
  seconds: number;
  run: ClassifierRun;
}

// "a, b and c".
const listing = (items: readonly string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const LENET_DESCRIPTION =
  'conv5×5 (6) → avg-pool → conv5×5 (16) → avg-pool → 120 → 84 → 10, tanh (LeCun et al., 1998)';

function examples(data: Dataset<Tensor[]>, perClass: number, classes: number) {
  const images = [];
  const counts = new Array<number>(classes).fill(0);
  for (let index = 0; index < data.length && images.length < perClass * counts.length; index++) {
    const [x, y] = data.get(index);
    const label = y.dataSync()[0];
    if (counts[label] < perClass) {
      counts[label]++;
      images.push({
        label,
        image: {
          width: SHAPE_SIZE,
          height: SHAPE_SIZE,
          channels: 3 as const,
          pixels: x.dataSync().slice(),
          label: SHAPE_CLASSES[label],
        },
      });
    }
    x.dispose();
    y.dispose();
  }
  return images.sort((a, b) => a.label - b.label).map((entry) => entry.image);
}

function results(entries: readonly ZooEntry[]): string {
  return htmlTable({
    header: ['model', 'dataset', 'parameters', 'test accuracy', 'training time', 'architecture'],
    rows: entries.map((e) => [
      e.name,
      e.dataset,
      e.parameters,
      e.run.testAccuracy,
      formatDuration(e.seconds),
      e.architecture,
    ]),
    formats: { 3: percent },
  });
}

function charts(entries: readonly ZooEntry[]): string {
  return chartRow([
    barChart({
      title: 'Test accuracy',
      yLabel: 'test accuracy',
      categories: entries.map((e) => e.name),
      series: [{ name: 'test accuracy', values: entries.map((e) => e.run.testAccuracy) }],
      yDomain: [0, 1],
      formatY: percent,
    }),
    lineChart({
      title: 'Test accuracy per epoch',
      xLabel: 'epoch',
      yLabel: 'test accuracy',
      formatY: percent,
      yDomain: [0, 1],
      legend: 'inside-bottom',
      series: entries.map((e) => ({
        name: e.name,
        points: e.run.epochs.map((r) => [r.epoch, r.test_acc] as const),
      })),
    }),
  ]);
}

/**
 * The classic convolutional architectures side by side: LeNet-5 on MNIST, and small VGG-, ResNet-
 * and Inception-style nets on 32×32 RGB images of shapes (no npm package ships CIFAR-10), with
 * parameter counts and test accuracy.
 */
export const cnnZoo = defineExperiment<CnnZooParams>({
  name: 'cnn-zoo',
  description:
    'LeNet-5 on MNIST; VGG-, ResNet- and Inception-style nets on 32×32 shapes: parameters, accuracy',
  sizes: {
    quick: {
      ...{ mnistTrain: 3000, mnistTest: 1000, lenetEpochs: 2 },
      ...{
        shapesTrain: 2000,
        shapesTest: 1000,
        shapesEpochs: 4,
        shapeClasses: 8,
        nets: [...SMALL_CNNS],
        batchSize: 32,
        lr: 2e-3,
      },
    },
    default: {
      ...{ mnistTrain: 20_000, mnistTest: 5000, lenetEpochs: 6 },
      ...{
        shapesTrain: 5000,
        shapesTest: 2000,
        shapesEpochs: 8,
        shapeClasses: 8,
        nets: [...SMALL_CNNS],
        batchSize: 32,
        lr: 2e-3,
      },
    },
    full: {
      ...{ mnistTrain: 60_000, mnistTest: 10_000, lenetEpochs: 10 },
      ...{
        shapesTrain: 20_000,
        shapesTest: 5000,
        shapesEpochs: 20,
        shapeClasses: 8,
        nets: [...SMALL_CNNS],
        batchSize: 32,
        lr: 2e-3,
      },
    },
  },
  async run(context) {
    const p = context.params;
    const entries: ZooEntry[] = [];
    const train = async (
      name: string,
      dataset: string,
      architecture: string,
      model: Module<[Tensor], Tensor>,
      data: { train: Dataset<Tensor[]>; test: Dataset<Tensor[]> },
      epochs: number,
    ) => {
      const optimizer = new Adam(model.parameters(), { lr: p.lr });
      const started = performance.now();
      const run = await trainClassifier(context, {
        name,
        model,
        optimizer,
        ...data,
        epochs,
        batchSize: p.batchSize,
        seed: context.seed,
        tags: { dataset },
      });
      const seconds = (performance.now() - started) / 1000;
      entries.push({ name, dataset, architecture, parameters: model.numParameters(), seconds, run });
      optimizer.dispose();
      model.dispose();
    };

    const mnist = await mnistSubsets({ train: p.mnistTrain, test: p.mnistTest });
    await train('LeNet-5', 'MNIST', LENET_DESCRIPTION, lenet5({ seed: context.seed }), mnist, p.lenetEpochs);
    const shapes = {
      train: shapesDataset(p.shapesTrain, context.seed + 1, p.shapeClasses),
      test: shapesDataset(p.shapesTest, context.seed + 2, p.shapeClasses),
    };
    for (const name of p.nets) {
      const model = buildSmallCnn(name, p.shapeClasses, context.seed);
      await train(name, '32×32 shapes', SMALL_CNN_DESCRIPTIONS[name], model, shapes, p.shapesEpochs);
    }

    const [lenet, ...cnns] = entries;
    const describe = (e: ZooEntry) =>
      `${percent(e.run.testAccuracy)} for the ${e.name} net (${e.parameters.toLocaleString('en-US')} parameters)`;
    return {
      headline:
        `LeNet-5 (${lenet.parameters.toLocaleString('en-US')} parameters) reaches ${percent(lenet.run.testAccuracy)} test accuracy on MNIST after ${p.lenetEpochs} epochs on ${p.mnistTrain.toLocaleString('en-US')} digits; ` +
        `after ${p.shapesEpochs} epochs on ${p.shapesTrain.toLocaleString('en-US')} synthetic 32×32 RGB shape images (${p.shapeClasses} classes) test accuracy is ${listing(cnns.map(describe))}.`,
      sections: [
        { title: 'Models, parameter counts and accuracy', html: results(entries) },
        { title: 'Accuracy', html: charts(entries) },
        {
          title: 'The 32×32 dataset',
          html: imageGrid({
            title: 'Two test images per class',
            images: examples(shapes.test, 2, p.shapeClasses),
            columns: 8,
            scale: 2,
          }),
          caption:
            'We found no npm package that ships CIFAR-10 or another 32×32 photo set, and nagare downloads nothing at run time, so the 32×32 nets learn a synthetic stand-in: up to 8 shape classes drawn at random size, position, rotation and colors on a noisy background. Telling them apart needs edges and their arrangement, as real images do.',
        },
      ],
      summary: Object.fromEntries(
        entries.map((e) => [
          e.name,
          { parameters: e.parameters, test_acc: e.run.testAccuracy, seconds: e.seconds },
        ]),
      ),
    };
  },
});
