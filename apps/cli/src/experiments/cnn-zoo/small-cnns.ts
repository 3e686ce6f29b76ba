import { BatchNorm2d, Conv2d, GlobalAvgPool, Linear, MaxPool2d, ReLU, Sequential } from '@nagare/layers';
import { InceptionBlock, resnet, vgg } from '@nagare/layers/models';
import { Generator } from '@nagare/tensor';

/** The three 32×32 RGB architectures the cnn-zoo experiment compares, by family. */
export const SMALL_CNNS = ['VGG-style', 'ResNet-style', 'Inception-style'] as const;
export type SmallCnnName = (typeof SMALL_CNNS)[number];

/** How each family is built, for the report. */
export const SMALL_CNN_DESCRIPTIONS: Record<SmallCnnName, string> = {
  'VGG-style':
    'conv3×3+BN ×2 (8) → pool → conv3×3+BN ×2 (16) → pool → conv3×3+BN (32) → pool → dense 128 ×2 → classes',
  'ResNet-style':
    'ResNet-8 (He et al., §4.2) at widths 8/16/32: conv + BatchNorm, three basic blocks with shortcuts, global pool',
  'Inception-style':
    'conv3×3+BN (16) → pool → Inception (→ 40) → pool → Inception (→ 56) → global pool → classes',
};

/**
 * A small VGG-style net for `[N, 3, 32, 32]` images: stacks of 3×3 convolutions (each with
 * BatchNorm) and max pools, then two dense layers (the zoo's `vgg` with narrow widths). Output
 * `[N, classes]`.
 *
 * @example
 * smallVgg(8, 0).call(zeros([2, 3, 32, 32])).shape; // [2, 8]
 */
export function smallVgg(classes: number, seed: number): Sequential {
  return vgg({
    config: [8, 8, 'M', 16, 16, 'M', 32, 'M'],
    batchNorm: true,
    hiddenSize: 128,
    dropout: 0.2,
    numClasses: classes,
    seed,
  });
}

/**
 * A small ResNet-style net: the zoo's CIFAR ResNet-8 with stage widths 8, 16 and 32. Input
 * `[N, 3, 32, 32]` → `[N, classes]`.
 *
 * @example
 * smallResnet(8, 0).call(zeros([2, 3, 32, 32])).shape; // [2, 8]
 */
export function smallResnet(classes: number, seed: number): Sequential {
  return resnet(8, { widths: [8, 16, 32], numClasses: classes, seed });
}

/**
 * A small Inception-style net (GoogLeNet's block, Szegedy et al., 2015, at a fraction of its
 * width): a 3×3 stem with BatchNorm and a pool to 16×16, an Inception block to 40 channels, a pool to 8×8, a second
 * block to 56 channels, global average pooling and one Linear. `[N, 3, 32, 32]` → `[N, classes]`.
 *
 * @example
 * smallInception(8, 0).call(zeros([2, 3, 32, 32])).shape; // [2, 8]
 */
export function smallInception(classes: number, seed: number): Sequential {
  const generator = new Generator(seed);
  const first = new InceptionBlock(
    16,
    { ch1x1: 8, ch3x3Reduce: 8, ch3x3: 16, ch5x5Reduce: 4, ch5x5: 8, poolProj: 8 },
    { generator },
  );
  const second = new InceptionBlock(
    first.outChannels,
    { ch1x1: 16, ch3x3Reduce: 16, ch3x3: 24, ch5x5Reduce: 4, ch5x5: 8, poolProj: 8 },
    { generator },
  );
  return Sequential.named({
    stem: new Sequential(
      new Conv2d(3, 16, 3, { padding: 1, bias: false, generator }),
      new BatchNorm2d(16),
      new ReLU(),
    ),
    pool1: new MaxPool2d(2),
    inception1: first,
    pool2: new MaxPool2d(2),
    inception2: second,
    avgpool: new GlobalAvgPool(),
    fc: new Linear(second.outChannels, classes, { generator }),
  });
}

/** Builds one of the small CNN families. */
export function buildSmallCnn(name: SmallCnnName, classes: number, seed: number): Sequential {
  if (name === 'VGG-style') return smallVgg(classes, seed);
  if (name === 'ResNet-style') return smallResnet(classes, seed);
  return smallInception(classes, seed);
}
