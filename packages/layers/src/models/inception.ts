import { concat, ShapeError, type Tensor } from '@nagare/tensor';
import { ReLU } from '../activations/rectifier-modules';
import { Sequential } from '../containers/sequential';
import { Conv2d } from '../layers/conv2d';
import type { FloatDType } from '../layers/options';
import { MaxPool2d } from '../layers/pool2d';
import { Module } from '../module';
import type { RandomSource } from '../random';

/** The branch widths of an Inception block, named as in Szegedy et al. (2015), Table 1. */
export interface InceptionWidths {
  /** 1×1 convolution branch. */
  ch1x1: number;
  /** 1×1 reduction before the 3×3 convolution. */
  ch3x3Reduce: number;
  ch3x3: number;
  /** 1×1 reduction before the 5×5 convolution. */
  ch5x5Reduce: number;
  ch5x5: number;
  /** 1×1 projection after the 3×3 max pool. */
  poolProj: number;
}

/** Options of `InceptionBlock`. */
export interface InceptionBlockOptions extends RandomSource {
  dtype?: FloatDType;
}

/**
 * The Inception module of GoogLeNet (Szegedy et al., 2015): four parallel branches over the same
 * input, a 1×1 conv, 1×1 → 3×3, 1×1 → 5×5 and 3×3 max pool → 1×1, each conv followed by ReLU, and
 * their outputs concatenated on the channel axis. `[N, inChannels, H, W]` →
 * `[N, ch1x1 + ch3x3 + ch5x5 + poolProj, H, W]` (every branch keeps H and W).
 *
 * @example
 * const block = new InceptionBlock(192, { ch1x1: 64, ch3x3Reduce: 96, ch3x3: 128, ch5x5Reduce: 16, ch5x5: 32, poolProj: 32 });
 * block.call(randn([1, 192, 28, 28])).shape; // [1, 256, 28, 28]
 */
export class InceptionBlock extends Module {
  readonly branch1: Sequential;
  readonly branch2: Sequential;
  readonly branch3: Sequential;
  readonly branch4: Sequential;
  /** Channels of the output: the sum of the four branches' widths. */
  readonly outChannels: number;

  constructor(
    readonly inChannels: number,
    readonly widths: InceptionWidths,
    options: InceptionBlockOptions = {},
  ) {
    super();
    const conv = (inputs: number, outputs: number, kernel: number) => [
      new Conv2d(inputs, outputs, kernel, { padding: (kernel - 1) / 2, ...options }),
      new ReLU(),
    ];
    const w = widths;
    this.branch1 = this.registerModule('branch1', new Sequential(...conv(inChannels, w.ch1x1, 1)));
    this.branch2 = this.registerModule(
      'branch2',
      new Sequential(...conv(inChannels, w.ch3x3Reduce, 1), ...conv(w.ch3x3Reduce, w.ch3x3, 3)),
    );
    this.branch3 = this.registerModule(
      'branch3',
      new Sequential(...conv(inChannels, w.ch5x5Reduce, 1), ...conv(w.ch5x5Reduce, w.ch5x5, 5)),
    );
    this.branch4 = this.registerModule(
      'branch4',
      new Sequential(new MaxPool2d(3, { stride: 1, padding: 1 }), ...conv(inChannels, w.poolProj, 1)),
    );
    this.outChannels = w.ch1x1 + w.ch3x3 + w.ch5x5 + w.poolProj;
  }

  forward(x: Tensor): Tensor {
    if (x.rank !== 4 || x.shape[1] !== this.inChannels) {
      throw new ShapeError('InceptionBlock', `expected input [N, ${this.inChannels}, H, W]`, { x: x.shape });
    }
    return concat(
      [this.branch1, this.branch2, this.branch3, this.branch4].map((branch) => branch.call(x)),
      1,
    );
  }

  override extraRepr(): string {
    return `inChannels=${this.inChannels}, outChannels=${this.outChannels}`;
  }
}
