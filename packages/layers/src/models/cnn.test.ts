import { ArgumentError, Generator, randn } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { AvgPool2d, Conv2d, Flatten, Linear, MaxPool2d, ReLU, Sequential, Tanh } from '../index';
import { describeBackends } from '../test-support/backends';
import { alexNet } from './alexnet';
import { lenet5 } from './lenet5';
import { VGG_SMALL, VGG11, VGG16, type VggConfig, vgg } from './vgg';

/** Weights and bias of a conv with a k×k kernel: (k²·in + 1)·out. */
const conv = (inChannels: number, outChannels: number, k: number) => (k * k * inChannels + 1) * outChannels;
/** Weights and bias of a Linear: (in + 1)·out. */
const dense = (inFeatures: number, outFeatures: number) => (inFeatures + 1) * outFeatures;

/** Conv parameters of a VGG configuration (+ 2 per channel with BatchNorm) and its last width. */
function vggFeatures(config: VggConfig, batchNorm: boolean): { params: number; channels: number } {
  let channels = 3;
  let params = 0;
  for (const entry of config) {
    if (entry === 'M') continue;
    params += conv(channels, entry, 3) + (batchNorm ? 2 * entry : 0);
    channels = entry;
  }
  return { params, channels };
}

describeBackends('LeNet-5, AlexNet and VGG', () => {
  test('LeNet-5: [N, 1, 28, 28] → [N, 10] with the well-known 61,706 parameters', () => {
    const model = lenet5({ seed: 0 });
    expect(model.call(randn([2, 1, 28, 28], { seed: 1 })).shape).toEqual([2, 10]);
    // C1 + C3 + F5 + F6 + output.
    const formula = conv(1, 6, 5) + conv(6, 16, 5) + dense(16 * 5 * 5, 120) + dense(120, 84) + dense(84, 10);
    expect(formula).toBe(61_706);
    expect(model.numParameters()).toBe(formula);
    expect(Object.keys(model.stateDict())).toEqual([
      'c1.weight',
      'c1.bias',
      'c3.weight',
      'c3.bias',
      'f5.weight',
      'f5.bias',
      'f6.weight',
      'f6.bias',
      'output.weight',
      'output.bias',
    ]);
    const modern = lenet5({ activation: 'relu', pooling: 'max', numClasses: 26 });
    expect(modern.call(randn([1, 1, 28, 28], { seed: 2 })).shape).toEqual([1, 26]);
    expect(modern.numParameters()).toBe(formula - dense(84, 10) + dense(84, 26));
    for (const m of [model, modern]) m.dispose();
  });

  test("LeNet-5 variant 'modern' is ReLU + max pooling, with the weights of the CLI's and bench's former copies", () => {
    const modern = lenet5({ variant: 'modern', seed: 5 });
    const kinds = modern.children().map((child) => child.constructor);
    expect(kinds.filter((kind) => kind === ReLU)).toHaveLength(4);
    expect(kinds.filter((kind) => kind === MaxPool2d)).toHaveLength(2);
    expect(kinds).not.toContain(Tanh);
    expect(kinds).not.toContain(AvgPool2d);
    // The positional model that apps/cli's recipe and bench/ built before they used the zoo: one
    // generator drawn in layer order, so the same seed must give the same weights and outputs.
    const generator = new Generator(5);
    const former = new Sequential(
      new Conv2d(1, 6, 5, { padding: 2, generator }),
      new ReLU(),
      new MaxPool2d(2),
      new Conv2d(6, 16, 5, { generator }),
      new ReLU(),
      new MaxPool2d(2),
      new Flatten(),
      new Linear(16 * 5 * 5, 120, { generator }),
      new ReLU(),
      new Linear(120, 84, { generator }),
      new ReLU(),
      new Linear(84, 10, { generator }),
    );
    const values = (model: Sequential) => model.parameters().map((p) => p.toArray());
    expect(values(modern)).toEqual(values(former));
    const x = randn([2, 1, 28, 28], { seed: 6 });
    expect(modern.call(x).toArray()).toEqual(former.call(x).toArray());
    // Explicit choices still win over the variant's defaults.
    const mixed = lenet5({ variant: 'modern', pooling: 'avg', seed: 5 });
    expect(mixed.children().filter((child) => child instanceof AvgPool2d)).toHaveLength(2);
    for (const m of [modern, former, mixed]) m.dispose();
  });

  test('LeNet-5 rejects an unknown variant with an ArgumentError', () => {
    expect(() => lenet5({ variant: 'classic' as never })).toThrow(ArgumentError);
  });

  test('AlexNet-style: [N, 3, 32, 32] → [N, 10] with 2,248,906 parameters', () => {
    const model = alexNet({ seed: 0 });
    model.eval();
    expect(model.call(randn([1, 3, 32, 32], { seed: 3 })).shape).toEqual([1, 10]);
    const formula =
      conv(3, 48, 5) +
      conv(48, 128, 5) +
      conv(128, 192, 3) +
      conv(192, 192, 3) +
      conv(192, 128, 3) +
      dense(128 * 4 * 4, 512) +
      dense(512, 512) +
      dense(512, 10);
    expect(formula).toBe(2_248_906);
    expect(model.numParameters()).toBe(formula);
    model.dispose();
  });

  test('VGG-style: [N, 3, 32, 32] → [N, 10]; convolutions (+ BatchNorm) plus the classifier', () => {
    const model = vgg({ batchNorm: true, seed: 0 });
    model.eval();
    expect(model.call(randn([2, 3, 32, 32], { seed: 4 })).shape).toEqual([2, 10]);
    const features = vggFeatures(VGG_SMALL, true);
    const side = 32 / 2 ** 3;
    const formula =
      features.params + dense(features.channels * side * side, 256) + dense(256, 256) + dense(256, 10);
    expect(model.numParameters()).toBe(formula);
    model.dispose();
  });

  test('VGG with five pools reaches 1×1 at 32×32; VGG-11 is configuration A (8 convs, 9,220,480 weights)', () => {
    const config: VggConfig = [16, 'M', 32, 'M', 64, 64, 'M', 64, 'M', 64, 'M'];
    const model = vgg({ config, hiddenSize: 32, numClasses: 100, seed: 1 });
    model.eval();
    expect(model.call(randn([1, 3, 32, 32], { seed: 5 })).shape).toEqual([1, 100]);
    const features = vggFeatures(config, false);
    expect(model.numParameters()).toBe(features.params + dense(64, 32) + dense(32, 32) + dense(32, 100));
    expect(VGG11.filter((c) => c !== 'M').length).toBe(8);
    expect(vggFeatures(VGG11, false).params).toBe(9_220_480);
    expect(VGG16.filter((c) => c !== 'M').length).toBe(13);
    expect(() => vgg({ config: VGG11, imageSize: 24 })).toThrow(ArgumentError);
    model.dispose();
  });
});
