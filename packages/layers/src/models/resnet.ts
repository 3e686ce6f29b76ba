import { ArgumentError, pad, relu, ShapeError, slice, type Tensor, tidy } from '@nagare/tensor';
import { ReLU } from '../activations/rectifier-modules';
import { Sequential, type TensorModule } from '../containers/sequential';
import { heNormal } from '../init/scaled';
import { BatchNorm2d } from '../layers/batch-norm';
import { Conv2d } from '../layers/conv2d';
import { GlobalAvgPool } from '../layers/global-avg-pool';
import { Linear } from '../layers/linear';
import type { FloatDType, Initializer } from '../layers/options';
import { Module } from '../module';
import type { RandomSource } from '../random';
import { layerOptions, type ModelOptions } from './model-options';

/** He-normal (fan-out, ReLU) convolution weights, as torchvision's ResNets. */
const heConv: Initializer = (t, options) => heNormal(t, { ...options, mode: 'fanOut', nonlinearity: 'relu' });

/**
 * How a block's shortcut matches a changed shape: `'projection'` (a strided 1×1 conv + BatchNorm,
 * option B of He et al., 2016) or `'zeroPad'` (strided subsampling with zero channels appended,
 * option A, parameter-free, the paper's CIFAR choice). Unchanged shapes always use the identity.
 */
export type ShortcutKind = 'projection' | 'zeroPad';

/** Options of `BasicBlock`. */
export interface BasicBlockOptions extends RandomSource {
  stride?: number;
  shortcut?: ShortcutKind;
  dtype?: FloatDType;
}

/** Option A's shortcut: every `stride`-th pixel, then zero channels up to `outChannels`. */
class ZeroPadShortcut extends Module {
  constructor(
    readonly stride: number,
    readonly extraChannels: number,
  ) {
    super();
  }
  forward(x: Tensor): Tensor {
    return tidy(() => {
      const [, , height, width] = x.shape;
      const sampled = slice(x, [0, 0], [height, width], { axes: [2, 3], steps: [this.stride, this.stride] });
      return pad(sampled, [
        [0, 0],
        [0, this.extraChannels],
        [0, 0],
        [0, 0],
      ]);
    });
  }
}

/**
 * ResNet's basic block (He et al., 2016): relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)) with
 * 3×3 convolutions (the first strided) and the identity as shortcut when the shape is kept, else a
 * projection (`downsample`, PyTorch's name) or a zero-padded identity. `[N, in, H, W]` →
 * `[N, out, H/stride, W/stride]`. Convolutions have no bias (BatchNorm follows) and He-normal weights.
 *
 * @example
 * const block = new BasicBlock(16, 32, { stride: 2 });
 * block.call(randn([1, 16, 32, 32])).shape; // [1, 32, 16, 16]
 */
export class BasicBlock extends Module {
  readonly conv1: Conv2d;
  readonly bn1: BatchNorm2d;
  readonly conv2: Conv2d;
  readonly bn2: BatchNorm2d;
  /** The shortcut when the shape changes; null for the identity. */
  readonly downsample: TensorModule | null;

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    options: BasicBlockOptions = {},
  ) {
    super();
    const stride = options.stride ?? 1;
    if (options.shortcut === 'zeroPad' && outChannels < inChannels) {
      throw new ArgumentError(
        'BasicBlock',
        `a zero-padded shortcut cannot shrink ${inChannels} channels to ${outChannels}`,
      );
    }
    const conv = {
      bias: false,
      weightInit: heConv,
      generator: options.generator,
      seed: options.seed,
      dtype: options.dtype,
    };
    const norm = { dtype: options.dtype };
    this.conv1 = this.registerModule(
      'conv1',
      new Conv2d(inChannels, outChannels, 3, { stride, padding: 1, ...conv }),
    );
    this.bn1 = this.registerModule('bn1', new BatchNorm2d(outChannels, norm));
    this.conv2 = this.registerModule(
      'conv2',
      new Conv2d(outChannels, outChannels, 3, { padding: 1, ...conv }),
    );
    this.bn2 = this.registerModule('bn2', new BatchNorm2d(outChannels, norm));
    let downsample: TensorModule | null = null;
    if (stride !== 1 || inChannels !== outChannels) {
      downsample =
        options.shortcut === 'zeroPad'
          ? new ZeroPadShortcut(stride, outChannels - inChannels)
          : new Sequential(
              new Conv2d(inChannels, outChannels, 1, { stride, ...conv }),
              new BatchNorm2d(outChannels, norm),
            );
      this.registerModule('downsample', downsample);
    }
    this.downsample = downsample;
  }

  forward(x: Tensor): Tensor {
    if (x.rank !== 4 || x.shape[1] !== this.inChannels)
      throw new ShapeError('BasicBlock', `expected input [N, ${this.inChannels}, H, W]`, { x: x.shape });
    return tidy(() => {
      const main = this.bn2.call(this.conv2.call(relu(this.bn1.call(this.conv1.call(x)))));
      return relu(main.add(this.downsample ? this.downsample.call(x) : x));
    });
  }
}

/** Options of `resnet`. */
export interface ResNetOptions extends ModelOptions {
  /** Output classes (default 10). */
  numClasses?: number;
  /** Channels of the three stages (default [16, 32, 64], the paper's CIFAR widths). */
  widths?: readonly [number, number, number];
  /** Shortcut where a stage changes the shape (default `'projection'`). */
  shortcut?: ShortcutKind;
}

/**
 * The CIFAR ResNet of He et al. (2016), §4.2: depth 6n + 2 = a 3×3 conv (16 channels) with
 * BatchNorm and ReLU, three stages of n basic blocks at 32×32, 16×16 and 8×8 (16, 32, 64
 * channels; the first block of stages 2 and 3 has stride 2), global average pooling and a Linear.
 * Input `[N, 3, 32, 32]` → `[N, numClasses]`. `resnet(20)` is ResNet-20, `resnet(8)` ResNet-8.
 *
 * @example
 * const model = resnet(20, { seed: 0 });
 * model.call(randn([2, 3, 32, 32])).shape; // [2, 10]
 */
export function resnet(depth: number, options: ResNetOptions = {}): Sequential {
  if (!Number.isInteger(depth) || depth < 8 || (depth - 2) % 6 !== 0)
    throw new ArgumentError(
      'resnet',
      `depth must be 6n + 2 with n ≥ 1 (8, 14, 20, 32, 44, 56, 110), got ${depth}`,
    );
  const blocksPerStage = (depth - 2) / 6;
  const layer = layerOptions(options);
  const [w1, w2, w3] = options.widths ?? [16, 32, 64];
  const stage = (inChannels: number, outChannels: number, stride: number) => {
    const blocks = new Sequential();
    for (let i = 0; i < blocksPerStage; i++) {
      blocks.append(
        new BasicBlock(i === 0 ? inChannels : outChannels, outChannels, {
          stride: i === 0 ? stride : 1,
          shortcut: options.shortcut,
          ...layer,
        }),
      );
    }
    return blocks;
  };
  return Sequential.named({
    conv1: new Conv2d(3, w1, 3, { padding: 1, bias: false, weightInit: heConv, ...layer }),
    bn1: new BatchNorm2d(w1, { dtype: layer.dtype }),
    relu: new ReLU(),
    layer1: stage(w1, w1, 1),
    layer2: stage(w1, w2, 2),
    layer3: stage(w2, w3, 2),
    avgpool: new GlobalAvgPool(),
    fc: new Linear(w3, options.numClasses ?? 10, layer),
  });
}

/**
 * ResNet-8 for 32×32 inputs: `resnet(8, options)`, one basic block per stage.
 *
 * @example
 * resnet8({ seed: 0 }).call(randn([1, 3, 32, 32])).shape; // [1, 10]
 */
export function resnet8(options: ResNetOptions = {}): Sequential {
  return resnet(8, options);
}

/**
 * ResNet-20 for 32×32 inputs: `resnet(20, options)`, three basic blocks per stage.
 *
 * @example
 * resnet20({ seed: 0 }).call(randn([1, 3, 32, 32])).shape; // [1, 10]
 */
export function resnet20(options: ResNetOptions = {}): Sequential {
  return resnet(20, options);
}
