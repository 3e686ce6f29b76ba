import { chartRow } from '../../report/experiment-report';
import { percent } from '../../util/format';
import { defineExperiment, type JsonValue } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { ACTIVATION_CHOICES, ACTIVATION_LABELS, type ActivationChoice } from './activation-mlp';
import { trainDeepStack, trainEachActivation } from './activation-steps';
import {
  type ActivationRun,
  accuracyCharts,
  activationsTable,
  epochsToTarget,
  lossCurves,
  rankRuns,
} from './activations-report';
import { deepSection, judgeCos } from './activations-verdict';

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
  /** Hidden layers of the deep stack (as wide as the first hidden layer) and the activations it is trained with. */
  deepLayers: number;
  deepActivations: ActivationChoice[];
}

const DEEP = { deepLayers: 11, deepActivations: ['relu', 'cos'] as ActivationChoice[] };

const ALL = [...ACTIVATION_CHOICES];

/**
 * Item 1 of the curriculum: the same MLP on MNIST with twelve activations (step with a
 * straight-through gradient, sigmoid, tanh, ReLU, LeakyReLU, PReLU, ELU, SELU, softplus, GELU,
 * maxout, cos), the same initial weights, data order and Adam settings. Method: (1) load the
 * digits, (2) train the MLP with each activation, (3) train an 11-hidden-layer stack with cos and
 * with ReLU, (4) report test accuracy and epochs to 97%, all loss curves on one chart, the deep stack.
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
      ...DEEP,
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
      ...DEEP,
    },
    full: {
      train: 60000,
      test: 10000,
      epochs: 15,
      hidden: [128, 128],
      batchSize: 100,
      lr: 1e-3,
      target: 0.97,
      activations: ALL,
      ...DEEP,
    },
  },
  source: {
    citation:
      'The curriculum behind nagare (DESIGN.md: "activations … even cos"), after ゼロから作るDeep Learning ch. 3',
    setting:
      'a 784-128-128-10 MLP on all 60,000 MNIST digits with each activation, and the same MLP with 11 hidden layers with cos and with ReLU',
    figure: 'cos trains an MNIST MLP about as well as ReLU, but fails when about 11 layers are stacked',
  },
  async run(context) {
    const digits = await mnistSubsets({ train: context.params.train, test: context.params.test });
    const shallow = await trainEachActivation(context, digits);
    const deep = await trainDeepStack(context, digits);
    return report(context.params, context.seed, shallow, deep);
  },
});

/** Step 4: the report — the table, every loss curve, accuracy per epoch, then the deep stack. */
function report(p: ActivationsParams, seed: number, runs: ActivationRun[], deep: ActivationRun[]) {
  const ranked = rankRuns(runs);
  const headline = `The same MLP 784-${p.hidden.join('-')}-10 trained with Adam (lr ${p.lr}) for ${p.epochs} epochs on ${p.train.toLocaleString('en-US')} MNIST digits reached, on ${p.test.toLocaleString('en-US')} test digits: ${ranked.map(({ activation, run }) => `${ACTIVATION_LABELS[activation]} ${percent(run.testAccuracy)}`).join(', ')}; with ${p.deepLayers} hidden layers: ${deep.map(({ activation, run }) => `${ACTIVATION_LABELS[activation]} ${percent(run.testAccuracy)}`).join(', ')}.`;
  const summary: Record<string, JsonValue> = {
    test_acc: Object.fromEntries(runs.map(({ activation, run }) => [activation, run.testAccuracy])),
    epochs_to_target: Object.fromEntries(
      runs.map(({ activation, run }) => [activation, epochsToTarget(run, p.target)]),
    ),
    deep_test_acc: Object.fromEntries(deep.map(({ activation, run }) => [activation, run.testAccuracy])),
  };
  return {
    headline,
    sections: [
      {
        title: 'Test accuracy and epochs to the target',
        html: activationsTable(runs, p.target, p.epochs),
        caption: `Every network has the same architecture, initial weights (seed ${seed}), data order and optimizer; only the activation differs. "Epochs to ${percent(p.target)}" is the first epoch whose test accuracy reached it. The step function's true gradient is zero, so it is trained with a straight-through gradient (passed where |x| ≤ 1).`,
      },
      {
        title: 'Loss curves',
        html: chartRow([lossCurves(runs)]),
        caption:
          'Training loss of every activation on one chart, averaged over windows of batches; lower is better, steeper is faster.',
      },
      { title: 'Test accuracy', html: chartRow(accuracyCharts(runs)) },
      ...(deep.length > 0 ? [deepSection(deep, p.deepLayers)] : []),
    ],
    summary,
    verdict: judgeCos(runs, deep, p.deepLayers),
  };
}
