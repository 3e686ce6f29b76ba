import { type Dataset, permutePixels, TensorDataset } from '@nagare/data';
import { crossEntropy } from '@nagare/layers';
import { ArgumentError, onesLike, type Tensor } from '@nagare/tensor';
import { EWC } from '@nagare/train';
import type { ExperimentContext } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import type { ForgettingParams } from './forgetting';
import { type TaskEpoch, taskMlp, trainOnTask } from './sequential-tasks';

/** One permuted-MNIST task: its name (A, B, …), training set and test set. */
export interface PermutedTask {
  name: string;
  train: TensorDataset;
  test: TensorDataset;
}

/** How an arm protects the earlier tasks: not at all, L2 to their weights, or EWC. */
export type ArmKind = 'plain' | 'L2' | 'EWC';

/** One arm's epochs over the whole sequence (the shared first task included). */
export interface ArmRun {
  kind: ArmKind;
  epochs: TaskEpoch[];
}

/**
 * Step 1: the task sequence — task A is MNIST itself, each later task the same digits under its
 * own fixed pixel permutation (the same one for its train and test set).
 */
export async function permutedTasks(p: ForgettingParams, seed: number): Promise<PermutedTask[]> {
  const { train, test } = await mnistSubsets({ train: p.trainSamples, test: p.testSamples });
  if (!(train instanceof TensorDataset) || !(test instanceof TensorDataset)) {
    throw new ArgumentError('forgetting', 'MNIST must load as a TensorDataset to permute its pixels');
  }
  return Array.from({ length: p.tasks }, (_, index) => ({
    name: String.fromCharCode(65 + index),
    train: index === 0 ? train : permutePixels(train, seed + index),
    test: index === 0 ? test : permutePixels(test, seed + index),
  }));
}

// The penalty an arm adds after learning a task: EWC weighs each weight by the Fisher information
// of the task's loss; L2 weighs every weight alike (Fisher 1), as the paper's L2 baseline does.
function anchorAfterTask(
  kind: ArmKind,
  context: ExperimentContext<ForgettingParams>,
  model: ReturnType<typeof taskMlp>,
  task: PermutedTask,
): EWC | null {
  const p = context.params;
  if (kind === 'EWC') {
    return EWC.fromDataset(model, task.train, {
      loss: crossEntropy,
      lambda: p.lambda,
      samples: Math.min(p.fisherSamples, task.train.length),
      seed: context.seed,
      name: `ewc_${task.name}`,
    });
  }
  if (kind === 'L2') {
    const ones = Object.fromEntries(
      model.namedParameters().map(([name, parameter]) => [name, onesLike(parameter)]),
    );
    return new EWC(model, ones, { lambda: p.l2Lambda, name: `l2_${task.name}` });
  }
  return null;
}

/** Step 2: task A once; every arm starts from the weights it learned (no penalty applies yet). */
export async function trainFirstTask(
  context: ExperimentContext<ForgettingParams>,
  tasks: readonly PermutedTask[],
) {
  const p = context.params;
  const model = taskMlp([784, ...p.hidden, 10], context.seed);
  const epochs = await trainOnTask(context, {
    name: 'task A',
    model,
    task: tasks[0].name,
    train: tasks[0].train,
    tests: { [tasks[0].name]: tasks[0].test },
    epochs: p.epochsPerTask,
    initialEpoch: 0,
    batchSize: p.batchSize,
    lr: p.lr,
    seed: context.seed,
  });
  return { state: model.stateDict(), epochs, dispose: () => model.dispose() };
}

/**
 * Step 3: one arm through the rest of the sequence, from task A's weights: after each task it adds
 * that task's anchor (L2 or EWC), then learns the next task, measuring every task seen so far.
 */
export async function trainArm(
  context: ExperimentContext<ForgettingParams>,
  tasks: readonly PermutedTask[],
  first: Awaited<ReturnType<typeof trainFirstTask>>,
  kind: ArmKind,
): Promise<ArmRun> {
  const p = context.params;
  const model = taskMlp([784, ...p.hidden, 10], context.seed);
  model.loadStateDict(first.state);
  const anchors: EWC[] = [];
  const epochs = [...first.epochs];
  for (let index = 1; index < tasks.length; index++) {
    const anchor = anchorAfterTask(kind, context, model, tasks[index - 1]);
    if (anchor) anchors.push(anchor);
    const seen: Record<string, Dataset<Tensor[]>> = Object.fromEntries(
      tasks.slice(0, index + 1).map((task) => [task.name, task.test]),
    );
    epochs.push(
      ...(await trainOnTask(context, {
        name: kind,
        model,
        task: tasks[index].name,
        train: tasks[index].train,
        tests: seen,
        epochs: p.epochsPerTask,
        initialEpoch: index * p.epochsPerTask,
        batchSize: p.batchSize,
        lr: p.lr,
        regularizers: anchors,
        seed: context.seed,
      })),
    );
  }
  for (const anchor of anchors) anchor.dispose();
  model.dispose();
  return { kind, epochs };
}
