import type { Dataset } from '@nagare/data';
import { SGD } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { ExperimentContext } from '../experiment';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import { overfitMlp } from './overfit-mlp';
import type { OverfittingParams } from './overfitting';

/** One arm of the comparison: how the net is regularized. */
export interface Setting {
  name: string;
  weightDecay: number;
  dropout: number;
}

/** The three arms: no regularization, weight decay, dropout. */
export function settingsOf(p: OverfittingParams): Setting[] {
  return [
    { name: 'no regularization', weightDecay: 0, dropout: 0 },
    { name: `weight decay λ = ${p.weightDecay}`, weightDecay: p.weightDecay, dropout: 0 },
    { name: `dropout ${p.dropout}`, weightDecay: 0, dropout: p.dropout },
  ];
}

/** Step 2: train one arm on the few digits, measuring train and test accuracy after every epoch. */
export async function trainSetting(
  context: ExperimentContext<OverfittingParams>,
  digits: { train: Dataset<Tensor[]>; test: Dataset<Tensor[]> },
  setting: Setting,
): Promise<ClassifierRun> {
  const p = context.params;
  const model = overfitMlp(p.hidden, setting.dropout, context.seed);
  // As in the lecture, weight decay (λ/2·‖W‖² in the loss, λ·W in the gradient) applies to weights only.
  const named = model.namedParameters();
  const weights = named.filter(([name]) => name.endsWith('weight')).map(([, t]) => t);
  const biases = named.filter(([name]) => name.endsWith('bias')).map(([, t]) => t);
  const optimizer = new SGD([{ params: weights, weightDecay: setting.weightDecay }, { params: biases }], {
    lr: p.lr,
  });
  const run = await trainClassifier(context, {
    name: setting.name,
    model,
    optimizer,
    ...digits,
    epochs: p.epochs,
    batchSize: p.batchSize,
    seed: context.seed,
    measureTrain: true,
    tags: { weight_decay: setting.weightDecay, dropout: setting.dropout },
  });
  optimizer.dispose();
  model.dispose();
  return run;
}
