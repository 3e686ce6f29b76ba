import { Flatten, init, Sequential } from '@nagare/layers';
import { mlp } from '@nagare/layers/models';
import {
  Adagrad,
  Adam,
  Momentum,
  type Optimizer,
  type OptimizerPath,
  optimizerPaths,
  SGD,
} from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { ExperimentContext } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import type { OptimizersParams } from './optimizers';
import { bowl } from './optimizers-report';

/** The four optimizers with the lecture's learning rates for MNIST. */
export const MNIST_OPTIMIZERS: readonly {
  name: string;
  lr: number;
  make: (p: Tensor[], lr: number) => Optimizer;
}[] = [
  { name: 'SGD', lr: 0.01, make: (p, lr) => new SGD(p, { lr }) },
  { name: 'Momentum', lr: 0.01, make: (p, lr) => new Momentum(p, { lr, momentum: 0.9 }) },
  { name: 'AdaGrad', lr: 0.01, make: (p, lr) => new Adagrad(p, { lr }) },
  { name: 'Adam', lr: 0.001, make: (p, lr) => new Adam(p, { lr }) },
];

/** Step 1: each optimizer's path on the bowl f(x, y) = x²/20 + y² from (−7, 2). */
export async function tracePaths(context: ExperimentContext<OptimizersParams>): Promise<OptimizerPath[]> {
  const paths = optimizerPaths({ steps: context.params.pathSteps });
  for (const path of paths) {
    for (const [step, [x, y]] of path.points.entries()) {
      await context.record({ part: 'path', optimizer: path.name, lr: path.lr, step, x, y, f: bowl(x, y) });
    }
  }
  return paths;
}

/** Step 2: the same MNIST net (same initial weights and batches) trained with each optimizer. */
export async function trainEachOptimizer(
  context: ExperimentContext<OptimizersParams>,
): Promise<ClassifierRun[]> {
  const p = context.params;
  const { train, test } = await mnistSubsets({ train: p.train, test: p.test });
  const runs: ClassifierRun[] = [];
  for (const choice of MNIST_OPTIMIZERS) {
    const model = new Sequential(
      new Flatten(),
      mlp([784, ...p.hidden, 10], 'relu', { seed: context.seed, weightInit: init.heNormal }),
    );
    const optimizer = choice.make(model.parameters(), choice.lr);
    runs.push(
      await trainClassifier(context, {
        name: choice.name,
        model,
        optimizer,
        train,
        test,
        epochs: p.epochs,
        batchSize: p.batchSize,
        seed: context.seed,
        lossEvery: 1,
        tags: { part: 'mnist', lr: choice.lr },
      }),
    );
    optimizer.dispose();
    model.dispose();
  }
  return runs;
}
