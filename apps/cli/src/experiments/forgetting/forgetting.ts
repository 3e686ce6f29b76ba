import { defineExperiment } from '../experiment';
import { reportForgetting } from './forgetting-report';
import { type ArmKind, type ArmRun, permutedTasks, trainArm, trainFirstTask } from './forgetting-steps';

/** Parameters of the forgetting experiment. */
export interface ForgettingParams {
  trainSamples: number;
  testSamples: number;
  /** Permuted-MNIST tasks learned in sequence (A is MNIST itself). */
  tasks: number;
  hidden: number[];
  epochsPerTask: number;
  batchSize: number;
  /** Adam's learning rate. */
  lr: number;
  /** EWC strength λ in λ/2 · Σ F (θ − θ*)². */
  lambda: number;
  /** Samples of each task the Fisher information is estimated on. */
  fisherSamples: number;
  /** Strength of the L2 arm's penalty λ/2 · Σ (θ − θ*)². */
  l2Lambda: number;
}

const ARMS: readonly ArmKind[] = ['plain', 'L2', 'EWC'];

/**
 * Catastrophic forgetting and Elastic Weight Consolidation (Kirkpatrick et al., 2017): an MLP
 * learns permuted-MNIST tasks in sequence. Plain training forgets the old tasks; L2 to the old
 * weights holds them by stiffening every weight; EWC stiffens the weights the Fisher information
 * says mattered. Method: (1) make the tasks, (2) learn task A, (3) from A's weights, learn the
 * other tasks with each arm, (4) report the accuracy on every task after each one.
 */
export const forgetting = defineExperiment<ForgettingParams>({
  name: 'forgetting',
  description: 'permuted-MNIST tasks in sequence: plain training forgets, L2 and EWC (Fisher penalty) retain',
  sizes: {
    quick: {
      trainSamples: 5000,
      testSamples: 2000,
      tasks: 2,
      hidden: [256, 256],
      epochsPerTask: 5,
      batchSize: 32,
      lr: 0.01,
      lambda: 20_000,
      fisherSamples: 200,
      l2Lambda: 1,
    },
    default: {
      trainSamples: 10_000,
      testSamples: 5000,
      tasks: 3,
      hidden: [256, 256],
      epochsPerTask: 8,
      batchSize: 32,
      lr: 0.01,
      lambda: 20_000,
      fisherSamples: 500,
      l2Lambda: 1,
    },
    full: {
      trainSamples: 60_000,
      testSamples: 10_000,
      tasks: 10,
      hidden: [400, 400],
      epochsPerTask: 10,
      batchSize: 32,
      lr: 0.01,
      lambda: 20_000,
      fisherSamples: 1000,
      l2Lambda: 1,
    },
  },
  source: {
    citation:
      'Kirkpatrick et al., Overcoming catastrophic forgetting in neural networks (PNAS 2017), Figure 2A',
    setting:
      'permuted-MNIST tasks learned in sequence by a fully connected net, plain training against L2 to the old weights and EWC, the accuracy on every earlier task after each new one',
    figure:
      'plain training forgets the earlier tasks, L2 keeps them but learns new ones worse, EWC keeps them and learns the new ones',
  },
  async run(context) {
    const tasks = await permutedTasks(context.params, context.seed);
    const first = await trainFirstTask(context, tasks);
    const runs: ArmRun[] = [];
    for (const kind of ARMS) runs.push(await trainArm(context, tasks, first, kind));
    first.dispose();
    return reportForgetting(context.params, tasks, runs);
  },
});
