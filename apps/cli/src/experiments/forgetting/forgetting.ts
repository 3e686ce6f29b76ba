import { permutePixels, TensorDataset } from '@nagare/data';
import { crossEntropy } from '@nagare/layers';
import { ArgumentError } from '@nagare/tensor';
import { EWC } from '@nagare/train';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { type TaskEpoch, taskMlp, trainOnTask } from './sequential-tasks';

/** Parameters of the forgetting experiment. */
export interface ForgettingParams {
  trainSamples: number;
  testSamples: number;
  hidden: number[];
  epochsPerTask: number;
  batchSize: number;
  /** Adam's learning rate. */
  lr: number;
  /** EWC strength λ in λ/2 · Σ F (θ − θ*)². */
  lambda: number;
  /** Samples of task A the Fisher information is estimated on. */
  fisherSamples: number;
}

function accuracyChart(
  title: string,
  task: string,
  runs: Record<string, TaskEpoch[]>,
  boundary: number,
): string {
  const series = Object.entries(runs).map(([name, epochs], index) => ({
    name,
    points: epochs.map((e) => [e.epoch, e.accuracy[task]] as const),
    isDashed: index > 0,
  }));
  return lineChart({
    title,
    xLabel: `epoch (task A: 1–${boundary}, then task B)`,
    yLabel: `test accuracy on task ${task}`,
    formatY: percent,
    yDomain: [0, 1],
    series,
    legend: 'inside-bottom',
  });
}

/**
 * Catastrophic forgetting and Elastic Weight Consolidation (Kirkpatrick et al., 2017): an MLP
 * learns permuted-MNIST task A, then task B. Plain training forgets A; with EWC (a penalty on moving
 * the weights that the Fisher information says mattered for A) it keeps A.
 */
export const forgetting = defineExperiment<ForgettingParams>({
  name: 'forgetting',
  description: 'permuted-MNIST task A then B: plain training forgets A, EWC (Fisher penalty) retains it',
  sizes: {
    quick: {
      trainSamples: 5000,
      testSamples: 2000,
      hidden: [256, 256],
      epochsPerTask: 5,
      batchSize: 32,
      lr: 0.01,
      lambda: 20_000,
      fisherSamples: 200,
    },
    default: {
      trainSamples: 10_000,
      testSamples: 5000,
      hidden: [256, 256],
      epochsPerTask: 8,
      batchSize: 32,
      lr: 0.01,
      lambda: 20_000,
      fisherSamples: 500,
    },
    full: {
      trainSamples: 60_000,
      testSamples: 10_000,
      hidden: [400, 400],
      epochsPerTask: 10,
      batchSize: 32,
      lr: 0.01,
      lambda: 20_000,
      fisherSamples: 1000,
    },
  },
  async run(context) {
    const p = context.params;
    const { train, test } = await mnistSubsets({ train: p.trainSamples, test: p.testSamples });
    if (!(train instanceof TensorDataset) || !(test instanceof TensorDataset)) {
      throw new ArgumentError('forgetting', 'MNIST must load as a TensorDataset to permute its pixels');
    }
    // One fixed pixel permutation (the same seed for train and test) makes task B.
    const permutationSeed = context.seed + 1;
    const trainB = permutePixels(train, permutationSeed);
    const tests = { A: test, B: permutePixels(test, permutationSeed) };
    const sizes = [784, ...p.hidden, 10];
    const common = { tests, epochs: p.epochsPerTask, batchSize: p.batchSize, lr: p.lr, seed: context.seed };

    const model = taskMlp(sizes, context.seed);
    const phaseA = await trainOnTask(context, {
      ...common,
      name: 'task A',
      model,
      task: 'A',
      train,
      initialEpoch: 0,
    });
    const plainModel = taskMlp(sizes, context.seed);
    plainModel.loadStateDict(model.stateDict());
    const onB = { ...common, task: 'B', train: trainB, initialEpoch: p.epochsPerTask };
    const plain = await trainOnTask(context, { ...onB, name: 'plain', model: plainModel });
    plainModel.dispose();

    const ewc = EWC.fromDataset(model, train, {
      loss: crossEntropy,
      lambda: p.lambda,
      samples: Math.min(p.fisherSamples, train.length),
      seed: context.seed,
    });
    const withEwc = await trainOnTask(context, {
      ...onB,
      name: `EWC (λ = ${p.lambda})`,
      model,
      regularizers: [ewc],
    });
    ewc.dispose();
    model.dispose();

    const afterA = phaseA.at(-1)?.accuracy ?? { A: 0, B: 0 };
    const plainEnd = plain.at(-1)?.accuracy ?? { A: 0, B: 0 };
    const ewcEnd = withEwc.at(-1)?.accuracy ?? { A: 0, B: 0 };
    const runs = { plain: [...phaseA, ...plain], [`EWC (λ = ${p.lambda})`]: [...phaseA, ...withEwc] };
    return {
      headline:
        `A ${sizes.join('-')} MLP trained on permuted-MNIST task A (${percent(afterA.A)} test accuracy) and then for ${p.epochsPerTask} epochs on task B falls to ${percent(plainEnd.A)} on task A when trained plainly, ` +
        `but keeps ${percent(ewcEnd.A)} with EWC (λ = ${p.lambda}), while reaching ${percent(plainEnd.B)} and ${percent(ewcEnd.B)} on task B.`,
      sections: [
        {
          title: 'Accuracy on both tasks while learning A, then B',
          html: chartRow([
            accuracyChart('Task A (the old task)', 'A', runs, p.epochsPerTask),
            accuracyChart('Task B (the new task)', 'B', runs, p.epochsPerTask),
          ]),
          caption: `Task B is task A with its pixels shuffled by one fixed permutation: as hard as A, but it needs different weights. EWC estimates the diagonal Fisher information F of A's loss on ${p.fisherSamples} samples and adds λ/2 · Σ F (θ − θ*)² to B's loss, anchoring the weights that mattered for A.`,
        },
        {
          title: 'Test accuracy at the end of each task',
          html: htmlTable({
            header: ['training', 'task A', 'task B'],
            rows: [
              ['after task A', afterA.A, afterA.B],
              ['after task B, plain', plainEnd.A, plainEnd.B],
              [`after task B, EWC (λ = ${p.lambda})`, ewcEnd.A, ewcEnd.B],
            ],
            formats: { 1: percent, 2: percent },
          }),
        },
      ],
      summary: {
        after_a: afterA,
        plain_after_b: plainEnd,
        ewc_after_b: ewcEnd,
      },
    };
  },
});
