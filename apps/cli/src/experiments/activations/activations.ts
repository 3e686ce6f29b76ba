import { Adam } from '@nagare/optimizers';
import { barChart } from '../../report/bar-chart';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import { defineExperiment, type JsonValue } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { smoothLosses } from '../support/smooth';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import {
  ACTIVATION_CHOICES,
  ACTIVATION_LABELS,
  type ActivationChoice,
  activationMlp,
} from './activation-mlp';

/** Parameters of the activations experiment. */
export interface ActivationsParams {
  train: number;
  test: number;
  epochs: number;
  hidden: number[];
  batchSize: number;
  lr: number;
  /** The test accuracy whose first epoch the table reports ("epochs to 97%"). */
  target: number;
  activations: ActivationChoice[];
}

const ALL = [...ACTIVATION_CHOICES];

/** The first epoch whose test accuracy reached `target`, or null. */
export function epochsToTarget(run: ClassifierRun, target: number): number | null {
  return run.epochs.find((epoch) => epoch.test_acc >= target)?.epoch ?? null;
}

/**
 * Item 1 of the curriculum: the same MLP on MNIST with twelve activations (step with a
 * straight-through gradient, sigmoid, tanh, ReLU, LeakyReLU, PReLU, ELU, SELU, softplus, GELU,
 * maxout, cos), the same initial weights, data order and Adam settings: a table of test accuracy
 * and epochs to 97%, all loss curves on one chart.
 */
export const activations = defineExperiment<ActivationsParams>({
  name: 'activations',
  description: 'one MLP on MNIST with 12 activations (step … cos): test accuracy, epochs to 97%, loss curves',
  sizes: {
    quick: {
      train: 5000,
      test: 2000,
      epochs: 3,
      hidden: [64, 64],
      batchSize: 100,
      lr: 1e-3,
      target: 0.97,
      activations: ALL,
    },
    default: {
      train: 60000,
      test: 10000,
      epochs: 5,
      hidden: [128, 128],
      batchSize: 100,
      lr: 1e-3,
      target: 0.97,
      activations: ALL,
    },
    full: {
      train: 60000,
      test: 10000,
      epochs: 15,
      hidden: [256, 256],
      batchSize: 100,
      lr: 1e-3,
      target: 0.97,
      activations: ALL,
    },
  },
  async run(context) {
    const p = context.params;
    const { train, test } = await mnistSubsets({ train: p.train, test: p.test });
    const runs: { activation: ActivationChoice; run: ClassifierRun; parameters: number }[] = [];
    for (const activation of p.activations) {
      const model = activationMlp(activation, p.hidden, context.seed);
      const optimizer = new Adam(model.parameters(), { lr: p.lr });
      const run = await trainClassifier(context, {
        name: activation,
        model,
        optimizer,
        train,
        test,
        epochs: p.epochs,
        batchSize: p.batchSize,
        seed: context.seed,
        lossEvery: 1,
      });
      runs.push({ activation, run, parameters: model.numParameters() });
      optimizer.dispose();
      model.dispose();
    }
    const label = (activation: ActivationChoice) => ACTIVATION_LABELS[activation];
    const ranked = [...runs].sort((a, b) => b.run.testAccuracy - a.run.testAccuracy);
    const architecture = `784-${p.hidden.join('-')}-10`;
    const headline = `The same MLP ${architecture} trained with Adam (lr ${p.lr}) for ${p.epochs} epochs on ${p.train.toLocaleString('en-US')} MNIST digits reached, on ${p.test.toLocaleString('en-US')} test digits: ${ranked.map(({ activation, run }) => `${label(activation)} ${percent(run.testAccuracy)}`).join(', ')}.`;
    const table = htmlTable({
      header: [
        'activation',
        'parameters',
        'test accuracy',
        'best epoch',
        `epochs to ${percent(p.target)}`,
        'final train loss',
      ],
      rows: runs.map(({ activation, run, parameters }) => {
        const best = run.epochs.reduce((a, b) => (b.test_acc > a.test_acc ? b : a), run.epochs[0]);
        return [
          label(activation),
          parameters,
          run.testAccuracy,
          best ? `${best.epoch} (${percent(best.test_acc)})` : null,
          epochsToTarget(run, p.target) ?? `not within ${p.epochs}`,
          run.epochs.at(-1)?.train_loss ?? null,
        ];
      }),
      highlight: { column: 2, mode: 'max' },
      formats: { 2: (value) => percent(value) },
    });
    const lossChart = lineChart({
      title: 'Training loss (mean over windows of batches)',
      xLabel: 'iteration (batch)',
      yLabel: 'cross-entropy loss (log scale)',
      yScale: 'log',
      hasMarkers: false,
      width: 620,
      height: 360,
      series: runs.map(({ activation, run }) => ({
        name: label(activation),
        points: smoothLosses(run.batchLosses, 60),
      })),
    });
    const accuracyChart = lineChart({
      title: 'Test accuracy per epoch',
      xLabel: 'epoch',
      yLabel: 'test accuracy',
      formatY: (y) => percent(y),
      width: 620,
      height: 320,
      series: runs.map(({ activation, run }) => ({
        name: label(activation),
        points: run.epochs.map((e) => [e.epoch, e.test_acc] as const),
      })),
    });
    const bars = barChart({
      title: 'Final test accuracy',
      yLabel: 'test accuracy',
      categories: ranked.map(({ activation }) => activation),
      series: [{ name: 'test accuracy', values: ranked.map(({ run }) => run.testAccuracy) }],
      yDomain: [Math.max(0, Math.floor(Math.min(...ranked.map(({ run }) => run.testAccuracy)) * 10) / 10), 1],
      formatY: (y) => `${(y * 100).toFixed(1)}`,
      width: 620,
    });
    const summary: Record<string, JsonValue> = {
      test_acc: Object.fromEntries(runs.map(({ activation, run }) => [activation, run.testAccuracy])),
      epochs_to_target: Object.fromEntries(
        runs.map(({ activation, run }) => [activation, epochsToTarget(run, p.target)]),
      ),
    };
    return {
      headline,
      sections: [
        {
          title: 'Test accuracy and epochs to the target',
          html: table,
          caption: `Every network has the same architecture, initial weights (seed ${context.seed}), data order and optimizer; only the activation differs. "Epochs to ${percent(p.target)}" is the first epoch whose test accuracy reached it. The step function's true gradient is zero, so it is trained with a straight-through gradient (passed where |x| ≤ 1).`,
        },
        {
          title: 'Loss curves',
          html: chartRow([lossChart]),
          caption:
            'Training loss of every activation on one chart, averaged over windows of batches; lower is better, steeper is faster.',
        },
        { title: 'Test accuracy', html: chartRow([accuracyChart, bars]) },
      ],
      summary,
    };
  },
});
