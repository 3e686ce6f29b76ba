import { bench, describe } from 'vitest';
import {
  avgPool2dBackward,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  maxPool2dBackward,
  maxPool2dWithIndices,
  randn,
} from '../src/index';

// A mid-size conv layer (37.7 M multiply-adds per pass) and a LeNet-sized first layer, on the js backend.
const attrs = {
  stride: [1, 1] as [number, number],
  padding: [1, 1, 1, 1] as [number, number, number, number],
  dilation: [1, 1] as [number, number],
  groups: 1,
};
const x = randn([8, 16, 32, 32], { seed: 1 });
const w = randn([32, 16, 3, 3], { seed: 2 });
const dy = randn([8, 32, 32, 32], { seed: 3 });
const lenetX = randn([64, 1, 28, 28], { seed: 4 });
const lenetW = randn([6, 1, 5, 5], { seed: 5 });

describe('conv2d js', () => {
  bench('conv2d 8x16x32x32 * 32x16x3x3 f32 js', () => {
    conv2d(x, w, attrs).dispose();
  });
  bench('conv2dBackpropInput 8x16x32x32 * 32x16x3x3 f32 js', () => {
    conv2dBackpropInput(dy, w, x.shape, attrs).dispose();
  });
  bench('conv2dBackpropFilter 8x16x32x32 * 32x16x3x3 f32 js', () => {
    conv2dBackpropFilter(x, dy, w.shape, attrs).dispose();
  });
  bench('conv2d LeNet C1 64x1x28x28 * 6x1x5x5 f32 js', () => {
    conv2d(lenetX, lenetW, { padding: 2 }).dispose();
  });
});

describe('pool2d js', () => {
  const poolAttrs = {
    kernelSize: [2, 2] as [number, number],
    stride: [2, 2] as [number, number],
    padding: [0, 0, 0, 0] as [number, number, number, number],
    dilation: [1, 1] as [number, number],
    ceilMode: false,
  };
  const [pooled, indices] = maxPool2dWithIndices(dy, poolAttrs);
  bench('maxPool2d 8x32x32x32 k2 f32 js', () => {
    for (const t of maxPool2dWithIndices(dy, poolAttrs)) t.dispose();
  });
  bench('maxPool2dBackward 8x32x32x32 k2 f32 js', () => {
    maxPool2dBackward(pooled, indices, dy.shape, poolAttrs).dispose();
  });
  bench('avgPool2dBackward 8x32x32x32 k2 f32 js', () => {
    avgPool2dBackward(pooled, dy.shape, { ...poolAttrs, countIncludePad: true }).dispose();
  });
});
