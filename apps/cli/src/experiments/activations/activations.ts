import { Adam } from '@nagare/optimizers';
import { chartRow } from '../../report/experiment-report';
import { percent } from '../../util/format';
import { defineExperiment, type JsonValue } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { trainClassifier } from '../support/train-classifier';
import {
  ACTIVATION_CHOICES,
  ACTIVATION_LABELS,
  type ActivationChoice,
  activationMlp,
} from './activation-mlp';
import {
  type ActivationRun,
  accuracyCharts,
  activationsTable,
  epochsToTarget,
  lossCurves,
  rankRuns,
} from './activations-report';

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
    const runs: ActivationRun[] = [];
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
    const ranked = rankRuns(runs);
    const headline = `The same MLP 784-${p.hidden.join('-')}-10 trained with Adam (lr ${p.lr}) for ${p.epochs} epochs on ${p.train.toLocaleString('en-US')} MNIST digits reached, on ${p.test.toLocaleString('en-US')} test digits: ${ranked.map(({ activation, run }) => `${ACTIVATION_LABELS[activation]} ${percent(run.testAccuracy)}`).join(', ')}.`;
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
          html: activationsTable(runs, p.target, p.epochs),
          caption: `Every network has the same architecture, initial weights (seed ${context.seed}), data order and optimizer; only the activation differs. "Epochs to ${percent(p.target)}" is the first epoch whose test accuracy reached it. The step function's true gradient is zero, so it is trained with a straight-through gradient (passed where |x| ≤ 1).`,
        },
        {
          title: 'Loss curves',
          html: chartRow([lossCurves(runs)]),
          caption:
            'Training loss of every activation on one chart, averaged over windows of batches; lower is better, steeper is faster.',
        },
        { title: 'Test accuracy', html: chartRow(accuracyCharts(runs)) },
      ],
      summary,
    };
  },
});
