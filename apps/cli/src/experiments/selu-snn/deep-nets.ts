import { noGrad } from '@nagare/autograd';
import { type AnyModule, BatchNorm1d, Flatten, init, Module, ReLU, SELU, Sequential } from '@nagare/layers';
import { mlp, selfNormalizingNet } from '@nagare/layers/models';
import { assign, clone, div, mean, sub, type Tensor, tidy, variance } from '@nagare/tensor';

/** The three kinds of deep nets the experiment compares. */
export const NET_KINDS = ['SNN', 'ReLU+BN', 'ReLU'] as const;
export type NetKind = (typeof NET_KINDS)[number];

// MNIST's pixel mean and standard deviation: SELU's fixed point assumes standardized inputs.
const PIXEL_MEAN = 0.1307;
const PIXEL_STD = 0.3081;

/**
 * Standardizes MNIST pixels to mean 0 and variance 1 (over the training set): (x − 0.1307) / 0.3081.
 * Any shape in, the same shape out.
 *
 * @example
 * new StandardizePixels().call(tensor([0.1307])); // [0]
 */
export class StandardizePixels extends Module {
  forward(x: Tensor): Tensor {
    return div(sub(x, PIXEL_MEAN), PIXEL_STD);
  }
}

/** Options of `deepNet`. */
export interface DeepNetOptions {
  /** Linear layers in all (hidden layers + the output layer). */
  depth: number;
  width: number;
  /** AlphaDropout probability of the SNN. */
  alphaDropout: number;
  seed: number;
}

/**
 * A deep MLP for standardized MNIST of one kind: `'SNN'` is a self-normalizing net (SELU, LeCun
 * normal weights, zero biases, AlphaDropout; Klambauer et al., 2017), `'ReLU+BN'` BatchNorm before
 * every ReLU, `'ReLU'` plain; both ReLU nets start from He-normal weights. `depth` counts the
 * Linear layers, so `depth − 1` hidden layers of `width`. Input `[N, 1, 28, 28]` → logits `[N, 10]`.
 *
 * @example
 * deepNet('SNN', { depth: 8, width: 64, alphaDropout: 0.05, seed: 0 }).call(zeros([2, 1, 28, 28])).shape; // [2, 10]
 */
export function deepNet(kind: NetKind, options: DeepNetOptions): Sequential {
  const sizes = [784, ...Array.from({ length: options.depth - 1 }, () => options.width), 10];
  const body =
    kind === 'SNN'
      ? selfNormalizingNet(sizes, { alphaDropout: options.alphaDropout, seed: options.seed })
      : mlp(sizes, 'relu', { batchNorm: kind === 'ReLU+BN', weightInit: init.heNormal, seed: options.seed });
  return new Sequential(new Flatten(), new StandardizePixels(), body);
}

/** Mean and variance of one hidden layer's activations over a batch and its units. */
export interface ActivationMoments {
  mean: number;
  variance: number;
}

function forwardRecording(module: AnyModule, x: Tensor, moments: ActivationMoments[]): Tensor {
  if (module instanceof Sequential) {
    let y = x;
    for (const child of module.children()) y = forwardRecording(child, y, moments);
    return y;
  }
  const y = (module as Module<[Tensor], Tensor>).call(x);
  if (module instanceof SELU || module instanceof ReLU) {
    moments.push({ mean: mean(y).dataSync()[0], variance: variance(y).dataSync()[0] });
  }
  return y;
}

/**
 * The mean and variance of every hidden activation layer's output (after SELU or ReLU) for the
 * batch `x`, layer 1 first, without dropout. BatchNorm normalizes with its running statistics, or
 * with `useBatchStatistics` with the batch's own (right after initialization the running averages
 * are still 0 and 1, so they would show an un-normalized net); its running averages are left as
 * they were.
 *
 * @example
 * activationMoments(net, images).map((m) => m.variance); // near 1 for a self-normalizing net
 */
export function activationMoments(
  model: Sequential,
  x: Tensor,
  options: { useBatchStatistics?: boolean } = {},
): ActivationMoments[] {
  const modes = model.modules().map((module) => [module, module.training] as const);
  const batchNorms = model.modules().filter((module) => module instanceof BatchNorm1d);
  const saved = batchNorms.flatMap((module) =>
    module.buffers().map((buffer) => [buffer, clone(buffer)] as const),
  );
  model.eval();
  for (const module of batchNorms) module.training = options.useBatchStatistics ?? false;
  const moments: ActivationMoments[] = [];
  try {
    noGrad(() => tidy(() => void forwardRecording(model, x, moments)));
  } finally {
    for (const [module, training] of modes) module.training = training;
    for (const [buffer, copy] of saved) {
      assign(buffer, copy);
      copy.dispose();
    }
  }
  return moments;
}
