import { noGrad } from '@nagare/autograd';
import type { Dataset } from '@nagare/data';
import { crossEntropy, init, Linear, type Module } from '@nagare/layers';
import { mlp } from '@nagare/layers/models';
import { sqrt, square, stack, sum, type Tensor, tidy } from '@nagare/tensor';
import { budgetMlp } from '../depth-width/budget-mlp';

/** The four deep nets whose gradients at initialization the experiment compares. */
export const DEEP_NETS = ['sigmoid', 'tanh', 'tanh-xavier', 'relu-he', 'residual'] as const;
export type DeepNetKind = (typeof DEEP_NETS)[number];

/** How each net is labelled in charts and tables. */
export const DEEP_NET_LABELS: Record<DeepNetKind, string> = {
  sigmoid: 'sigmoid (default init)',
  tanh: 'tanh (default init)',
  'tanh-xavier': 'tanh (Xavier init)',
  'relu-he': 'ReLU (He init)',
  residual: 'residual ReLU',
};

/** Options of `deepNet`. */
export interface DeepNetOptions {
  /** Linear layers in all, input and output layer included (≥ 3). */
  layers: number;
  width: number;
  inputs: number;
  classes: number;
  seed: number;
}

/**
 * A deep MLP of `layers` Linear layers of one width: sigmoid or tanh with PyTorch's default
 * weights U(±1/√fanIn), tanh with Xavier-normal weights (Glorot & Bengio, 2010), ReLU with
 * He-normal weights, or the same ReLU net with identity shortcuts around every hidden layer (see
 * `budgetMlp`). Input `[N, ...]` → `[N, classes]`.
 *
 * @example
 * deepNet('sigmoid', { layers: 20, width: 100, inputs: 784, classes: 10, seed: 0 });
 */
export function deepNet(kind: DeepNetKind, options: DeepNetOptions): Module<[Tensor], Tensor> {
  const { layers, width, inputs, classes, seed } = options;
  const sizes = [inputs, ...Array.from({ length: layers - 1 }, () => width), classes];
  if (kind === 'sigmoid' || kind === 'tanh') return mlp(sizes, kind, { seed });
  if (kind === 'tanh-xavier') {
    return mlp(sizes, 'tanh', {
      seed,
      weightInit: (t, { generator }) => init.xavierNormal(t, { generator }),
    });
  }
  return budgetMlp({ inputs, width, hidden: layers - 1, classes, isResidual: kind === 'residual', seed });
}

/**
 * The Frobenius norm of ∂loss/∂W for every Linear layer's weight, input layer first, after one
 * forward and backward pass of cross-entropy on `batch` (inputs flattened by the model).
 *
 * @example
 * const norms = layerGradientNorms(deepNet('tanh', options), [images, labels]); // 20 numbers
 */
export function layerGradientNorms(
  model: Module<[Tensor], Tensor>,
  batch: readonly [Tensor, Tensor],
): number[] {
  const linears = model.modules().filter((m): m is Linear => m instanceof Linear);
  model.zeroGrad();
  tidy(() => {
    const [input, target] = batch;
    const flat = input.reshape([input.shape[0], -1]);
    crossEntropy(model.call(flat), target).backward();
  });
  const norms = noGrad(() =>
    linears.map((layer) => {
      const gradient = layer.weight.grad;
      return gradient ? tidy(() => sqrt(sum(square(gradient))).dataSync()[0]) : 0;
    }),
  );
  model.zeroGrad();
  return norms;
}

/** The first `count` samples of a dataset as one `[input, target]` batch (owned by the caller). */
export function firstBatch(data: Dataset<Tensor[]>, count: number): [Tensor, Tensor] {
  const indices = Array.from({ length: Math.min(count, data.length) }, (_, i) => i);
  if (data.getBatch) {
    const [input, target] = data.getBatch(indices);
    return [input, target];
  }
  const samples = indices.map((index) => data.get(index));
  const batch = tidy(() => [stack(samples.map((s) => s[0])), stack(samples.map((s) => s[1]))]);
  for (const sample of samples) for (const tensor of sample) tensor.dispose();
  return [batch[0], batch[1]];
}
