import { ReLU } from '../activations/rectifier-modules';
import { Sequential } from '../containers/sequential';
import { BatchNorm2d } from '../layers/batch-norm';
import { Conv2d } from '../layers/conv2d';
import { Dropout } from '../layers/dropout';
import { GlobalAvgPool } from '../layers/global-avg-pool';
import { Linear } from '../layers/linear';
import { MaxPool2d } from '../layers/pool2d';
import { InceptionBlock, type InceptionWidths } from './inception';
import { layerOptions, type ModelOptions } from './model-options';

/** Options of `googLeNet`. */
export interface GoogLeNetOptions extends ModelOptions {
  /** Output classes (default 10). */
  numClasses?: number;
  /** Dropout before the classifier (default 0.4, as the original). */
  dropout?: number;
}

const widths = (...w: number[]): InceptionWidths => ({
  ch1x1: w[0],
  ch3x3Reduce: w[1],
  ch3x3: w[2],
  ch5x5Reduce: w[3],
  ch5x5: w[4],
  poolProj: w[5],
});

/** The four Inception blocks of `googLeNet`, with their input channels. */
export const GOOGLENET_SMALL_BLOCKS: readonly { inChannels: number; widths: InceptionWidths }[] = [
  { inChannels: 64, widths: widths(32, 48, 64, 8, 16, 16) }, // → 128
  { inChannels: 128, widths: widths(64, 64, 96, 16, 32, 32) }, // → 224
  { inChannels: 224, widths: widths(96, 48, 104, 8, 24, 32) }, // → 256
  { inChannels: 256, widths: widths(128, 80, 160, 16, 48, 48) }, // → 384
];

/**
 * A small GoogLeNet (Szegedy et al., 2015) for 32×32 RGB images: a stem Conv(3→64, 3×3) with
 * BatchNorm and ReLU, Inception blocks 3a and 3b at 32×32, a 3×3 stride-2 max pool, block 4a at
 * 16×16, another pool, block 5a at 8×8 (widths in `GOOGLENET_SMALL_BLOCKS`), then global average
 * pooling, dropout and one Linear(384→numClasses) in place of large dense layers.
 * Input `[N, 3, 32, 32]` → `[N, numClasses]`.
 *
 * @example
 * const model = googLeNet({ seed: 0 });
 * model.call(randn([2, 3, 32, 32])).shape; // [2, 10]
 */
export function googLeNet(options: GoogLeNetOptions = {}): Sequential {
  const layer = layerOptions(options);
  const [b3a, b3b, b4a, b5a] = GOOGLENET_SMALL_BLOCKS.map(
    ({ inChannels, widths: w }) => new InceptionBlock(inChannels, w, layer),
  );
  const pool = () => new MaxPool2d(3, { stride: 2, padding: 1 });
  return Sequential.named({
    stem: new Sequential(
      new Conv2d(3, 64, 3, { padding: 1, bias: false, ...layer }),
      new BatchNorm2d(64, { dtype: layer.dtype }),
      new ReLU(),
    ),
    inception3a: b3a,
    inception3b: b3b,
    pool3: pool(),
    inception4a: b4a,
    pool4: pool(),
    inception5a: b5a,
    avgpool: new GlobalAvgPool(),
    dropout: new Dropout(options.dropout ?? 0.4, { generator: layer.generator }),
    fc: new Linear(b5a.outChannels, options.numClasses ?? 10, layer),
  });
}
