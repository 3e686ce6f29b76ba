import { Dropout, Flatten, init, Linear, ReLU, Sequential } from '@nagare/layers';
import { SGD } from '@nagare/optimizers';
import { Generator, type Tensor } from '@nagare/tensor';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import { defineExperiment, type JsonValue } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';

/** Parameters of the overfitting experiment. */
export interface OverfittingParams {
  train: number;
  test: number;
  epochs: number;
  batchSize: number;
  lr: number;
  hidden: number[];
  weightDecay: number;
  dropout: number;
}

/**
 * The lecture's over-parameterized net (ゼロから作るDeep Learning, ch. 6.4): `784 → hidden… → 10`,
 * ReLU, He-normal weights and zero biases, optionally Dropout after every hidden ReLU.
 *
 * @example
 * overfitMlp([100, 100], 0.2, 0).call(zeros([2, 1, 28, 28])).shape; // [2, 10]
 */
export function overfitMlp(hidden: readonly number[], dropout: number, seed: number): Sequential {
  const generator = new Generator(seed);
  const options = { generator, weightInit: init.heNormal, biasInit: (t: Tensor) => init.zeros(t) };
  const model = new Sequential(new Flatten());
  let width = 784;
  for (const size of hidden) {
    model.append(new Linear(width, size, options));
    model.append(new ReLU());
    if (dropout > 0) model.append(new Dropout(dropout, { generator }));
    width = size;
  }
  model.append(new Linear(width, 10, options));
  return model;
}

interface Setting {
  name: string;
  weightDecay: number;
  dropout: number;
}

const last = (run: ClassifierRun) => run.epochs.at(-1);
const gap = (run: ClassifierRun) => (last(run)?.train_acc ?? 0) - (last(run)?.test_acc ?? 0);

/**
 * Item 5 of the curriculum: 300 MNIST training digits and a 7-layer net overfit (training accuracy
 * far above test accuracy); weight decay λ = 0.1 and dropout 0.2 narrow the gap. Train and test
 * accuracy curves per setting.
 */
export const overfitting = defineExperiment<OverfittingParams>({
  name: 'overfitting',
  description:
    '300 MNIST digits, a 7-layer net: train vs test accuracy plain, with weight decay 0.1, dropout 0.2',
  sizes: {
    quick: {
      train: 300,
      test: 1000,
      epochs: 60,
      batchSize: 100,
      lr: 0.01,
      hidden: [100, 100, 100, 100, 100, 100],
      weightDecay: 0.1,
      dropout: 0.2,
    },
    default: {
      train: 300,
      test: 2000,
      epochs: 200,
      batchSize: 100,
      lr: 0.01,
      hidden: [100, 100, 100, 100, 100, 100],
      weightDecay: 0.1,
      dropout: 0.2,
    },
    full: {
      train: 300,
      test: 10000,
      epochs: 300,
      batchSize: 100,
      lr: 0.01,
      hidden: [100, 100, 100, 100, 100, 100],
      weightDecay: 0.1,
      dropout: 0.2,
    },
  },
  async run(context) {
    const p = context.params;
    const { train, test } = await mnistSubsets({ train: p.train, test: p.test });
    const settings: Setting[] = [
      { name: 'no regularization', weightDecay: 0, dropout: 0 },
      { name: `weight decay λ = ${p.weightDecay}`, weightDecay: p.weightDecay, dropout: 0 },
      { name: `dropout ${p.dropout}`, weightDecay: 0, dropout: p.dropout },
    ];
    const runs: ClassifierRun[] = [];
    for (const setting of settings) {
      const model = overfitMlp(p.hidden, setting.dropout, context.seed);
      // As in the lecture, weight decay (λ/2·‖W‖² in the loss, λ·W in the gradient) applies to weights only.
      const weights = model
        .namedParameters()
        .filter(([name]) => name.endsWith('weight'))
        .map(([, t]) => t);
      const biases = model
        .namedParameters()
        .filter(([name]) => name.endsWith('bias'))
        .map(([, t]) => t);
      const optimizer = new SGD([{ params: weights, weightDecay: setting.weightDecay }, { params: biases }], {
        lr: p.lr,
      });
      runs.push(
        await trainClassifier(context, {
          name: setting.name,
          model,
          optimizer,
          train,
          test,
          epochs: p.epochs,
          batchSize: p.batchSize,
          seed: context.seed,
          measureTrain: true,
          tags: { weight_decay: setting.weightDecay, dropout: setting.dropout },
        }),
      );
      optimizer.dispose();
      model.dispose();
    }
    const describeRun = (run: ClassifierRun) =>
      `${run.name}: ${percent(last(run)?.train_acc)} train vs ${percent(last(run)?.test_acc)} test (gap ${(gap(run) * 100).toFixed(1)} points)`;
    const headline = `Trained on only ${p.train} MNIST digits for ${p.epochs} epochs (a ${p.hidden.length + 1}-layer ReLU net, SGD lr ${p.lr}), ${runs.map(describeRun).join('; ')}.`;
    const charts = runs.map((run) =>
      lineChart({
        title: run.name,
        xLabel: 'epoch',
        yLabel: 'accuracy',
        yDomain: [0, 1],
        width: 310,
        height: 240,
        legend: 'inside-bottom',
        hasMarkers: false,
        formatY: (y) => percent(y),
        series: [
          { name: 'train', points: run.epochs.map((e) => [e.epoch, e.train_acc] as const) },
          { name: 'test', isDashed: true, points: run.epochs.map((e) => [e.epoch, e.test_acc] as const) },
        ],
      }),
    );
    const table = htmlTable({
      header: ['setting', 'train accuracy', 'test accuracy', 'gap (points)', 'best test accuracy'],
      rows: runs.map((run) => [
        run.name,
        percent(last(run)?.train_acc),
        percent(last(run)?.test_acc),
        Number((gap(run) * 100).toFixed(1)),
        percent(Math.max(...run.epochs.map((e) => e.test_acc))),
      ]),
      highlight: { column: 3, mode: 'min' },
    });
    const summary: Record<string, JsonValue> = Object.fromEntries(
      runs.map((run, index) => [
        ['plain', 'weight_decay', 'dropout'][index],
        { train_acc: last(run)?.train_acc ?? null, test_acc: last(run)?.test_acc ?? null, gap: gap(run) },
      ]),
    );
    return {
      headline,
      sections: [
        {
          title: 'Train and test accuracy per epoch',
          html: chartRow(charts),
          caption: `Training accuracy is measured on the ${p.train} training digits in evaluation mode (no dropout), test accuracy on ${p.test.toLocaleString('en-US')} test digits. The gap between the curves is overfitting: the net memorizes its few samples.`,
        },
        { title: 'After the last epoch', html: table },
      ],
      summary,
    };
  },
});
