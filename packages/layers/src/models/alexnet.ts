import { ReLU } from '../activations/rectifier-modules';
import { Sequential } from '../containers/sequential';
import { Conv2d } from '../layers/conv2d';
import { Dropout } from '../layers/dropout';
import { Flatten } from '../layers/flatten';
import { Linear } from '../layers/linear';
import { MaxPool2d } from '../layers/pool2d';
import { layerOptions, type ModelOptions } from './model-options';

/** Options of `alexNet`. */
export interface AlexNetOptions extends ModelOptions {
  /** Output classes (default 10). */
  numClasses?: number;
  /** Dropout before each of the two hidden dense layers (default 0.5, as the original). */
  dropout?: number;
}

/**
 * A small AlexNet (Krizhevsky et al., 2012) for 32×32 RGB images (CIFAR-10 sized): five
 * convolutions with ReLU, three max pools, and two dropout-regularized dense layers.
 * `features`: Conv(3→48, 5×5) pool, Conv(48→128, 5×5) pool, Conv(128→192, 3×3),
 * Conv(192→192, 3×3), Conv(192→128, 3×3) pool (all "same" padded), giving `[N, 128, 4, 4]`;
 * `classifier`: Linear(2048→512), Linear(512→512), Linear(512→numClasses).
 * Input `[N, 3, 32, 32]` → `[N, numClasses]`; 2,248,906 parameters for 10 classes.
 *
 * @example
 * const model = alexNet({ seed: 0 });
 * model.call(randn([2, 3, 32, 32])).shape; // [2, 10]
 */
export function alexNet(options: AlexNetOptions = {}): Sequential {
  const layer = layerOptions(options);
  const dropout = options.dropout ?? 0.5;
  const conv = (inChannels: number, outChannels: number, kernel: number) =>
    new Conv2d(inChannels, outChannels, kernel, { padding: (kernel - 1) / 2, ...layer });
  const features = new Sequential(
    conv(3, 48, 5),
    new ReLU(),
    new MaxPool2d(2),
    conv(48, 128, 5),
    new ReLU(),
    new MaxPool2d(2),
    conv(128, 192, 3),
    new ReLU(),
    conv(192, 192, 3),
    new ReLU(),
    conv(192, 128, 3),
    new ReLU(),
    new MaxPool2d(2),
  );
  const classifier = new Sequential(
    new Dropout(dropout, { generator: layer.generator }),
    new Linear(128 * 4 * 4, 512, layer),
    new ReLU(),
    new Dropout(dropout, { generator: layer.generator }),
    new Linear(512, 512, layer),
    new ReLU(),
    new Linear(512, options.numClasses ?? 10, layer),
  );
  return Sequential.named({ features, flatten: new Flatten(), classifier });
}
