import { ArgumentError } from '@nagare/tensor';
import { type ActivationName, createActivation } from '../activations/by-name';
import { Sequential, type TensorModule } from '../containers/sequential';
import { BatchNorm1d } from '../layers/batch-norm';
import { Dropout } from '../layers/dropout';
import { Flatten } from '../layers/flatten';
import { Linear } from '../layers/linear';
import type { Initializer, ParameterOptions } from '../layers/options';
import { resolveGenerator } from '../random';

/** Options of `mlp`. */
export interface MlpOptions extends ParameterOptions {
  /** A BatchNorm1d after each hidden Linear, before the activation (default false). */
  batchNorm?: boolean;
  /** Dropout probability after each hidden activation (default 0: no Dropout layer). */
  dropout?: number;
  /** Replaces the Linear layers' default (PyTorch) weight initialization. */
  weightInit?: Initializer;
  /**
   * A Flatten layer first (default false), so `[N, ...]` inputs such as `[N, 1, 28, 28]` images
   * work when `sizes[0]` is their per-sample size. It holds no parameters but shifts the indices
   * in parameter names by one (`1.weight` for the first Linear).
   */
  flatten?: boolean;
}

/**
 * A multi-layer perceptron `sizes[0] → … → sizes.at(-1)`: each hidden layer is Linear, then
 * BatchNorm1d (if `batchNorm`), the activation and Dropout (if `dropout` > 0); the output layer is
 * a plain Linear (logits). Parameters: Σ (nᵢ·nᵢ₊₁ + nᵢ₊₁), plus 2 per hidden unit with batchNorm.
 *
 * @example
 * const model = mlp([784, 256, 128, 10], 'relu', { dropout: 0.2, seed: 0 });
 * model.call(randn([32, 784])).shape; // [32, 10]
 * mlp([784, 100, 10], 'relu', { flatten: true }).call(randn([32, 1, 28, 28])).shape; // [32, 10]
 */
export function mlp(
  sizes: readonly number[],
  activation: ActivationName | (() => TensorModule) = 'relu',
  options: MlpOptions = {},
): Sequential {
  if (sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new ArgumentError('mlp', `sizes must be at least two positive integers, got [${sizes.join(', ')}]`);
  }
  const { batchNorm = false, dropout = 0 } = options;
  const generator = resolveGenerator(options);
  const layerOptions = { dtype: options.dtype, generator, weightInit: options.weightInit };
  const makeActivation = typeof activation === 'function' ? activation : () => createActivation(activation);
  const model = options.flatten ? new Sequential(new Flatten()) : new Sequential();
  for (let i = 0; i + 1 < sizes.length; i++) {
    model.append(new Linear(sizes[i], sizes[i + 1], layerOptions));
    if (i + 2 === sizes.length) break;
    if (batchNorm) model.append(new BatchNorm1d(sizes[i + 1], { dtype: options.dtype }));
    model.append(makeActivation());
    if (dropout > 0) model.append(new Dropout(dropout, { generator }));
  }
  return model;
}
