import {
  AlphaDropout,
  Conv2d,
  Dropout,
  Flatten,
  init,
  Linear,
  MaxPool2d,
  ReLU,
  SELU,
  Sequential,
} from '@nagare/layers';
import { Generator } from '@nagare/tensor';
import { StandardizePixels } from './deep-nets';

/** The two activations the SNN paper compares in its MNIST CNN. */
export const CNN_ACTIVATIONS = ['SELU', 'ReLU'] as const;
export type CnnActivation = (typeof CNN_ACTIVATIONS)[number];

/** Options of `snnPaperCnn`. */
export interface SnnCnnOptions {
  /** Filters of the two 3×3 convolutions (the paper's net: 32 and 64). */
  channels: [number, number];
  /** Units of the hidden fully connected layer (the paper's net: 128). */
  hidden: number;
  /** Dropout before each fully connected layer: AlphaDropout for SELU (keeps mean and variance), Dropout for ReLU. */
  dropout: number;
  seed: number;
}

/**
 * The MNIST CNN of the SNN paper's comparison (Klambauer et al., 2017, supplementary: two
 * convolutions, a max pool, two fully connected layers): conv3×3 → act → conv3×3 → act → max-pool
 * 2 → dense `hidden` → act → dense 10. The SELU net starts from LeCun-normal weights and zero
 * biases, the ReLU net from He-normal weights. Input `[N, 1, 28, 28]` → logits `[N, 10]`.
 *
 * @example
 * snnPaperCnn('SELU', { channels: [8, 16], hidden: 32, dropout: 0, seed: 0 }).call(zeros([2, 1, 28, 28])).shape; // [2, 10]
 */
export function snnPaperCnn(activation: CnnActivation, options: SnnCnnOptions): Sequential {
  const generator = new Generator(options.seed);
  const isSelu = activation === 'SELU';
  const layer = {
    generator,
    weightInit: isSelu ? init.lecunNormal : init.heNormal,
    biasInit: init.zeros,
  };
  const act = () => (isSelu ? new SELU() : new ReLU());
  const drop = () =>
    isSelu ? new AlphaDropout(options.dropout, { generator }) : new Dropout(options.dropout, { generator });
  const [c1, c2] = options.channels;
  // 28 → 26 → 24 after the two unpadded 3×3 convolutions, 12 after the pool.
  return new Sequential(
    new StandardizePixels(),
    new Conv2d(1, c1, 3, layer),
    act(),
    new Conv2d(c1, c2, 3, layer),
    act(),
    new MaxPool2d(2),
    new Flatten(),
    drop(),
    new Linear(c2 * 12 * 12, options.hidden, layer),
    act(),
    drop(),
    new Linear(options.hidden, 10, layer),
  );
}
