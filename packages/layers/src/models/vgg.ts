import { ArgumentError } from '@nagare/tensor';
import { ReLU } from '../activations/rectifier-modules';
import { Sequential } from '../containers/sequential';
import { BatchNorm2d } from '../layers/batch-norm';
import { Conv2d } from '../layers/conv2d';
import { Dropout } from '../layers/dropout';
import { Flatten } from '../layers/flatten';
import { Linear } from '../layers/linear';
import { MaxPool2d } from '../layers/pool2d';
import { layerOptions, type ModelOptions } from './model-options';

/** A VGG configuration: the output channels of each 3×3 convolution, `'M'` for a 2×2 max pool. */
export type VggConfig = readonly (number | 'M')[];

/** A small VGG for 32×32 inputs (the default): three blocks of two convolutions, 32/64/128 channels. */
export const VGG_SMALL: VggConfig = [32, 32, 'M', 64, 64, 'M', 128, 128, 'M'];
/** VGG-11 (configuration A of Simonyan & Zisserman, 2015). */
export const VGG11: VggConfig = [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'];
/** VGG-16 (configuration D of Simonyan & Zisserman, 2015). */
export const VGG16: VggConfig = [
  64,
  64,
  'M',
  128,
  128,
  'M',
  256,
  256,
  256,
  'M',
  512,
  512,
  512,
  'M',
  512,
  512,
  512,
  'M',
];

/** Options of `vgg`. */
export interface VggOptions extends ModelOptions {
  /** The convolution stack (default `VGG_SMALL`). */
  config?: VggConfig;
  /** BatchNorm2d after every convolution, before its ReLU (default false). */
  batchNorm?: boolean;
  /** Input channels (default 3). */
  inChannels?: number;
  /** Input height and width (default 32); must be divisible by 2 per pool. */
  imageSize?: number;
  /** Width of the two hidden dense layers (default 256). */
  hiddenSize?: number;
  /** Dropout before each hidden dense layer's output (default 0.5). */
  dropout?: number;
  /** Output classes (default 10). */
  numClasses?: number;
}

/**
 * A VGG-style network (Simonyan & Zisserman, 2015): stacks of "same" 3×3 convolutions with ReLU
 * separated by 2×2 max pools (`features`), then Linear → ReLU → Dropout twice and a Linear to the
 * classes (`classifier`). Input `[N, inChannels, imageSize, imageSize]` → `[N, numClasses]`.
 * Parameters: Σ (9·in·out + out) over the convolutions (+ 2·out each with BatchNorm), then
 * (c·s²)·h + h + h·h + h + h·k + k with c the last width, s = imageSize / 2^pools, h the hidden
 * size and k the classes.
 *
 * @example
 * const model = vgg({ batchNorm: true, seed: 0 });
 * model.call(randn([2, 3, 32, 32])).shape; // [2, 10]
 */
export function vgg(options: VggOptions = {}): Sequential {
  const config = options.config ?? VGG_SMALL;
  const layer = layerOptions(options);
  const imageSize = options.imageSize ?? 32;
  const pools = config.filter((c) => c === 'M').length;
  if (imageSize % 2 ** pools !== 0 || imageSize < 2 ** pools) {
    throw new ArgumentError(
      'vgg',
      `imageSize ${imageSize} must be divisible by 2^${pools} (one halving per pool)`,
    );
  }
  const features = new Sequential();
  let channels = options.inChannels ?? 3;
  for (const entry of config) {
    if (entry === 'M') {
      features.append(new MaxPool2d(2));
      continue;
    }
    features.append(new Conv2d(channels, entry, 3, { padding: 1, ...layer }));
    if (options.batchNorm) features.append(new BatchNorm2d(entry, { dtype: layer.dtype }));
    features.append(new ReLU());
    channels = entry;
  }
  const side = imageSize / 2 ** pools;
  const hidden = options.hiddenSize ?? 256;
  const dropout = options.dropout ?? 0.5;
  const classifier = new Sequential(
    new Linear(channels * side * side, hidden, layer),
    new ReLU(),
    new Dropout(dropout, { generator: layer.generator }),
    new Linear(hidden, hidden, layer),
    new ReLU(),
    new Dropout(dropout, { generator: layer.generator }),
    new Linear(hidden, options.numClasses ?? 10, layer),
  );
  return Sequential.named({ features, flatten: new Flatten(), classifier });
}
