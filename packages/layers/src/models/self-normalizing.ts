import { ArgumentError } from '@nagare/tensor';
import { SELU } from '../activations/rectifier-modules';
import { Sequential } from '../containers/sequential';
import { zeros } from '../init/basic';
import { lecunNormal } from '../init/scaled';
import { AlphaDropout } from '../layers/alpha-dropout';
import { Linear } from '../layers/linear';
import { layerOptions, type ModelOptions } from './model-options';

/** Options of `selfNormalizingNet`. */
export interface SelfNormalizingOptions extends ModelOptions {
  /** AlphaDropout probability after every hidden SELU (default 0: none; the paper used 0.05–0.1). */
  alphaDropout?: number;
}

/**
 * A self-normalizing network (Klambauer et al., 2017): Linear layers with LeCun-normal weights
 * (N(0, 1/fanIn)) and zero biases, SELU after every hidden layer, optionally AlphaDropout. With
 * these, activations stay near mean 0 and variance 1 through many layers without BatchNorm.
 * Input `[N, sizes[0]]` → `[N, sizes.at(-1)]`; parameters Σ (in·out + out).
 *
 * @example
 * const model = selfNormalizingNet([784, 512, 512, 512, 10], { alphaDropout: 0.05, seed: 0 });
 * model.call(randn([32, 784])).shape; // [32, 10]
 */
export function selfNormalizingNet(
  sizes: readonly number[],
  options: SelfNormalizingOptions = {},
): Sequential {
  if (sizes.length < 2) {
    throw new ArgumentError(
      'selfNormalizingNet',
      `sizes needs an input and an output size, got [${sizes.join(', ')}]`,
    );
  }
  const layer = layerOptions(options);
  const p = options.alphaDropout ?? 0;
  const model = new Sequential();
  for (let i = 0; i + 1 < sizes.length; i++) {
    model.append(
      new Linear(sizes[i], sizes[i + 1], { ...layer, weightInit: lecunNormal, biasInit: (t) => zeros(t) }),
    );
    if (i + 2 === sizes.length) break;
    model.append(new SELU());
    if (p > 0) model.append(new AlphaDropout(p, { generator: layer.generator }));
  }
  return model;
}
