// TypeScript smoke program, type-checked with `tsc --noEmit` against the installed declaration files
// under node16, nodenext and bundler resolution. It names tensor, autograd, layers, optimizers,
// data and train (plus io, which train depends on) and never wasm. The @ts-expect-error lines fail
// the check if the types ever degrade to `any` or stop resolving.
import { noGrad } from '@nagare/autograd';
import { blobs, type Dataset, trainValSplit } from '@nagare/data';
import { serializeSafetensors } from '@nagare/io';
import { crossEntropy, Linear, type Module, ReLU, Sequential } from '@nagare/layers';
import { Adam, type Optimizer } from '@nagare/optimizers';
import { type DType, type Tensor, tensor } from '@nagare/tensor';
import { evaluate, type FitOptions, fit as fitModel, type History, type MetricValue } from '@nagare/train';

const split: { train: Dataset<Tensor[]>; val: Dataset<Tensor[]> } = trainValSplit(blobs(300, { seed: 1 }), {
  val: 0.2,
  seed: 1,
});
const model: Module = new Sequential(
  new Linear(2, 16, { seed: 1 }),
  new ReLU(),
  new Linear(16, 3, { seed: 2 }),
);
const optimizer: Optimizer = new Adam(model.parameters(), { lr: 0.05 });
const options: FitOptions = { ...split, optimizer, loss: crossEntropy, epochs: 3, metrics: ['accuracy'] };

export async function train(): Promise<number> {
  const history: History = await fitModel(model, options);
  const { accuracy }: Record<string, MetricValue> = await evaluate(model, split.val, ['accuracy']);
  const bytes: Uint8Array = serializeSafetensors(model.stateDict());
  return history.epochs.length + Number(accuracy) + bytes.length;
}

const x: Tensor = tensor([1, 2, 3, 4], { shape: [2, 2] });
const dtype: DType = x.dtype;
const rows: number = x.shape[0];
noGrad(() => model.call(x));

// @ts-expect-error a shape is a list of numbers
tensor([1, 2], { shape: ['2'] });
// @ts-expect-error Linear needs its input and output sizes
new Linear();
// @ts-expect-error fit needs its options
fitModel(model);
// @ts-expect-error not an optimizer
const wrong: Optimizer = { step: 1 };

export const summary = { dtype, rows, wrong };
