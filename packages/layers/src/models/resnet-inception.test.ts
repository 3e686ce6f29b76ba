import { ArgumentError, randn, ShapeError, slice } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { GOOGLENET_SMALL_BLOCKS, googLeNet } from './googlenet';
import { InceptionBlock, type InceptionWidths } from './inception';
import { BasicBlock, resnet, resnet8, resnet20 } from './resnet';

const conv = (inChannels: number, outChannels: number, k: number, bias = true) =>
  k * k * inChannels * outChannels + (bias ? outChannels : 0);

/** An Inception block: 1×1; 1×1 → 3×3; 1×1 → 5×5; pool → 1×1 (every conv with bias). */
const inceptionParams = (inChannels: number, w: InceptionWidths) =>
  conv(inChannels, w.ch1x1, 1) +
  conv(inChannels, w.ch3x3Reduce, 1) +
  conv(w.ch3x3Reduce, w.ch3x3, 3) +
  conv(inChannels, w.ch5x5Reduce, 1) +
  conv(w.ch5x5Reduce, w.ch5x5, 5) +
  conv(inChannels, w.poolProj, 1);

/** A basic block: two bias-free 3×3 convs with BatchNorm (2 per channel), plus a 1×1 projection + BatchNorm. */
const blockParams = (inChannels: number, outChannels: number, isProjected: boolean) =>
  conv(inChannels, outChannels, 3, false) +
  conv(outChannels, outChannels, 3, false) +
  4 * outChannels +
  (isProjected ? inChannels * outChannels + 2 * outChannels : 0);

/** CIFAR ResNet-(6n+2): stem conv + BN, n blocks at 16, 32 and 64 channels, Linear(64 → 10). */
function resnetParams(n: number, isProjected: boolean): number {
  let total = conv(3, 16, 3, false) + 2 * 16 + (64 + 1) * 10;
  for (const [inChannels, outChannels] of [
    [16, 16],
    [16, 32],
    [32, 64],
  ]) {
    total += blockParams(inChannels, outChannels, isProjected && inChannels !== outChannels);
    total += (n - 1) * blockParams(outChannels, outChannels, false);
  }
  return total;
}

describeBackends('Inception, GoogLeNet and ResNet', () => {
  test('an Inception block concatenates its four branches on the channel axis', () => {
    const widths = { ch1x1: 8, ch3x3Reduce: 4, ch3x3: 12, ch5x5Reduce: 2, ch5x5: 4, poolProj: 6 };
    const block = new InceptionBlock(16, widths, { seed: 0 });
    const x = randn([2, 16, 7, 7], { seed: 1 });
    const y = block.call(x);
    expect(y.shape).toEqual([2, 30, 7, 7]);
    expect(block.outChannels).toBe(30);
    expect(block.numParameters()).toBe(inceptionParams(16, widths));
    expectAllClose(slice(y, [0], [8], { axes: [1] }), block.branch1.call(x));
    expectAllClose(slice(y, [20], [24], { axes: [1] }), block.branch3.call(x));
    expect(() => block.call(randn([2, 8, 7, 7]))).toThrow(ShapeError);
    block.dispose();
  });

  test('small GoogLeNet: [N, 3, 32, 32] → [N, 10]; stem, four Inception blocks and the classifier', () => {
    const model = googLeNet({ seed: 2 });
    model.eval();
    expect(model.call(randn([1, 3, 32, 32], { seed: 3 })).shape).toEqual([1, 10]);
    const blocks = GOOGLENET_SMALL_BLOCKS.reduce(
      (total, b) => total + inceptionParams(b.inChannels, b.widths),
      0,
    );
    expect(model.numParameters()).toBe(conv(3, 64, 3, false) + 2 * 64 + blocks + (384 + 1) * 10);
    // Each block's output width is the next one's input.
    const outputs = GOOGLENET_SMALL_BLOCKS.map(({ widths: w }) => w.ch1x1 + w.ch3x3 + w.ch5x5 + w.poolProj);
    expect(outputs).toEqual([128, 224, 256, 384]);
    expect(GOOGLENET_SMALL_BLOCKS.slice(1).map((b) => b.inChannels)).toEqual(outputs.slice(0, 3));
    model.dispose();
  });

  test('ResNet-20 and ResNet-8: [N, 3, 32, 32] → [N, 10]; 272,474 and 78,042 parameters with projections', () => {
    const model = resnet20({ seed: 4 });
    model.eval();
    expect(model.call(randn([1, 3, 32, 32], { seed: 5 })).shape).toEqual([1, 10]);
    expect(resnetParams(3, true)).toBe(272_474);
    expect(model.numParameters()).toBe(resnetParams(3, true));
    const small = resnet8({ seed: 6 });
    expect(small.call(randn([2, 3, 32, 32], { seed: 7 })).shape).toEqual([2, 10]);
    expect(small.numParameters()).toBe(resnetParams(1, true));
    expect(resnetParams(1, true)).toBe(78_042);
    // Option A (zero-padded identity shortcuts) is parameter-free: the paper's 0.27M for ResNet-20.
    const optionA = resnet(20, { shortcut: 'zeroPad', seed: 8 });
    expect(optionA.numParameters()).toBe(resnetParams(3, false));
    expect(resnetParams(3, false)).toBe(269_722);
    expect(() => resnet(21)).toThrow(ArgumentError);
    for (const m of [model, small, optionA]) m.dispose();
  });

  test('basic blocks: identity shortcut when the shape is kept, projection or zero padding when not', () => {
    const x = randn([2, 4, 6, 6], { seed: 9 });
    const identity = new BasicBlock(4, 4, { seed: 10 });
    expect(identity.downsample).toBeNull();
    expect(identity.call(x).shape).toEqual([2, 4, 6, 6]);
    const projected = new BasicBlock(4, 8, { stride: 2, seed: 11 });
    expect(projected.namedParameters().map(([n]) => n)).toContain('downsample.0.weight');
    expect(projected.call(x).shape).toEqual([2, 8, 3, 3]);
    const padded = new BasicBlock(4, 8, { stride: 2, shortcut: 'zeroPad', seed: 12 });
    const shortcut = padded.downsample!.call(x);
    expect(shortcut.shape).toEqual([2, 8, 3, 3]);
    expectAllClose(
      slice(shortcut, [0], [4], { axes: [1] }),
      slice(x, [0, 0], [6, 6], { axes: [2, 3], steps: [2, 2] }),
    );
    expect(Array.from(slice(shortcut, [4], [8], { axes: [1] }).dataSync()).every((v) => v === 0)).toBe(true);
    // Every output passed through the final ReLU.
    expect(Array.from(padded.call(x).dataSync()).every((v) => v >= 0)).toBe(true);
    expect(() => new BasicBlock(8, 4, { shortcut: 'zeroPad' })).toThrow(ArgumentError);
    for (const m of [identity, projected, padded]) m.dispose();
  });
});
