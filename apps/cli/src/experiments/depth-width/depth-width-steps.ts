import type { Dataset } from '@nagare/data';
import { SGD } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { ExperimentContext } from '../experiment';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import { budgetMlp, mlpParameterCount, widthForBudget } from './budget-mlp';
import type { DepthWidthParams } from './depth-width';

/** One depth: the width the budget allows, and its plain and residual nets' runs. */
export interface DepthResult {
  depth: number;
  width: number;
  parameters: number;
  plain: ClassifierRun;
  residual: ClassifierRun;
}

const INPUTS = 784;
const CLASSES = 10;

/**
 * Step 2: at one depth, the widest net that fits the budget, trained plain and with identity
 * shortcuts (the same layers and parameters) by SGD with momentum 0.9.
 */
export async function trainDepth(
  context: ExperimentContext<DepthWidthParams>,
  digits: { train: Dataset<Tensor[]>; test: Dataset<Tensor[]> },
  depth: number,
): Promise<DepthResult> {
  const p = context.params;
  const width = widthForBudget(p.budget, depth, INPUTS, CLASSES);
  const runs: ClassifierRun[] = [];
  for (const isResidual of [false, true]) {
    const model = budgetMlp({
      inputs: INPUTS,
      width,
      hidden: depth,
      classes: CLASSES,
      isResidual,
      seed: context.seed,
    });
    const optimizer = new SGD(model.parameters(), { lr: p.lr, momentum: 0.9 });
    runs.push(
      await trainClassifier(context, {
        name: `${isResidual ? 'residual' : 'plain'} ${depth}×${width}`,
        model,
        optimizer,
        ...digits,
        epochs: p.epochs,
        batchSize: p.batchSize,
        seed: context.seed,
        tags: { depth, width, residual: isResidual },
      }),
    );
    optimizer.dispose();
    model.dispose();
  }
  const parameters = mlpParameterCount(INPUTS, width, depth, CLASSES);
  return { depth, width, parameters, plain: runs[0], residual: runs[1] };
}
