import { SGD } from '@nagare/optimizers';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import { defineExperiment, type JsonValue } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import { scaledMlp } from './scaled-mlp';

/** Parameters of the batchnorm experiment. */
export interface BatchnormParams {
  train: number;
  test: number;
  epochs: number;
  batchSize: number;
  lr: number;
  hidden: number[];
  /** The initial weight standard deviations compared. */
  scales: number[];
}

/** `count` values evenly spaced in log10 from 10^from to 10^to, as NumPy's logspace. */
export function logspace(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) =>
    Number((10 ** (from + ((to - from) * i) / Math.max(1, count - 1))).toPrecision(4)),
  );
}

const HIDDEN = [100, 100, 100, 100, 100];

interface ScaleResult {
  scale: number;
  plain: ClassifierRun;
  normalized: ClassifierRun;
}

const finalTrain = (run: ClassifierRun) => run.trainAccuracy;
// A run the NaN guard stopped is marked, with what its weights still predict.
const describe = (run: ClassifierRun, value: number) =>
  run.stopReason ? `diverged (${percent(value)})` : percent(value);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * Item 4 of the curriculum: the same deep ReLU MLP (5 hidden layers of 100) trained with plain SGD
 * on a small MNIST subset from many initial weight scales, with and without BatchNorm: training
 * accuracy per epoch, one small chart per scale (ゼロから作るDeep Learning, ch. 6.3.2).
 */
export const batchnorm = defineExperiment<BatchnormParams>({
  name: 'batchnorm',
  description:
    'a deep MLP with and without BatchNorm from 16 initial weight scales: training-accuracy curves',
  sizes: {
    quick: {
      train: 1000,
      test: 1000,
      epochs: 8,
      batchSize: 100,
      lr: 0.01,
      hidden: HIDDEN,
      scales: logspace(0, -4, 6),
    },
    default: {
      train: 1000,
      test: 2000,
      epochs: 20,
      batchSize: 100,
      lr: 0.01,
      hidden: HIDDEN,
      scales: logspace(0, -4, 16),
    },
    full: {
      train: 5000,
      test: 10000,
      epochs: 30,
      batchSize: 100,
      lr: 0.01,
      hidden: HIDDEN,
      scales: logspace(0, -4, 16),
    },
  },
  async run(context) {
    const p = context.params;
    const { train, test } = await mnistSubsets({ train: p.train, test: p.test });
    const results: ScaleResult[] = [];
    for (const scale of p.scales) {
      const runs: ClassifierRun[] = [];
      for (const hasBatchNorm of [false, true]) {
        const model = scaledMlp({ hidden: p.hidden, scale, hasBatchNorm, seed: context.seed });
        const optimizer = new SGD(model.parameters(), { lr: p.lr });
        runs.push(
          await trainClassifier(context, {
            name: `${hasBatchNorm ? 'with' : 'without'} BN, std ${scale}`,
            model,
            optimizer,
            train,
            test,
            epochs: p.epochs,
            batchSize: p.batchSize,
            seed: context.seed,
            measureTrain: true,
            tags: { scale, batch_norm: hasBatchNorm },
          }),
        );
        optimizer.dispose();
        model.dispose();
      }
      results.push({ scale, plain: runs[0], normalized: runs[1] });
    }
    const withBn = results.map((r) => finalTrain(r.normalized));
    const withoutBn = results.map((r) => finalTrain(r.plain));
    const wins = results.filter((r) => finalTrain(r.normalized) > finalTrain(r.plain)).length;
    const headline = `Training a ${p.hidden.length + 1}-layer ReLU MLP with SGD (lr ${p.lr}) for ${p.epochs} epochs on ${p.train.toLocaleString('en-US')} MNIST digits from ${p.scales.length} initial weight scales (std ${p.scales[0]} to ${p.scales.at(-1)}), BatchNorm reached a mean final training accuracy of ${percent(mean(withBn))} (lowest ${percent(Math.min(...withBn))}) vs ${percent(mean(withoutBn))} (lowest ${percent(Math.min(...withoutBn))}) without, higher at ${wins} of ${p.scales.length} scales.`;
    const charts = results.map((r, index) =>
      lineChart({
        title: `W ~ N(0, ${r.scale}²)${r.plain.stopReason ? ', plain diverged' : ''}`,
        xLabel: 'epoch',
        yLabel: 'train accuracy',
        yDomain: [0, 1],
        width: 240,
        height: 180,
        legend: index === 0 ? 'inside' : 'none',
        formatY: (y) => percent(y),
        series: [
          { name: 'BatchNorm', points: r.normalized.epochs.map((e) => [e.epoch, e.train_acc] as const) },
          {
            name: 'plain',
            isDashed: true,
            points: r.plain.epochs.map((e) => [e.epoch, e.train_acc] as const),
          },
        ],
      }),
    );
    const table = htmlTable({
      header: [
        'weight std',
        'train acc, BatchNorm',
        'train acc, plain',
        'test acc, BatchNorm',
        'test acc, plain',
      ],
      rows: results.map((r) => [
        String(r.scale),
        describe(r.normalized, finalTrain(r.normalized)),
        describe(r.plain, finalTrain(r.plain)),
        describe(r.normalized, r.normalized.testAccuracy),
        describe(r.plain, r.plain.testAccuracy),
      ]),
    });
    const summary: Record<string, JsonValue> = {
      scales: p.scales,
      train_acc_batchnorm: withBn,
      train_acc_plain: withoutBn,
      mean_train_acc: { batchnorm: mean(withBn), plain: mean(withoutBn) },
    };
    return {
      headline,
      sections: [
        {
          title: 'Training accuracy per epoch, with and without BatchNorm',
          html: chartRow(charts),
          caption: `One chart per initial weight scale (biases 0); solid: with BatchNorm, dashed: plain; the same weights and batches with and without BatchNorm (before each ReLU). Training accuracy is measured on all ${p.train.toLocaleString('en-US')} training digits after each epoch in evaluation mode. Without BatchNorm, too small or too large weights stall learning; with it the curves rise at almost every scale.`,
        },
        { title: 'Final accuracies', html: table },
      ],
      summary,
    };
  },
});
