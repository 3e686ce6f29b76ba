import '@nagare/autograd';
import { ones, randn, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { PReLU } from '../activations/prelu';
import { Tanh } from '../activations/smooth-modules';
import { Residual } from '../containers/residual';
import { Sequential } from '../containers/sequential';
import { describeBackends } from '../test-support/backends';
import { expectModuleGradcheck } from '../test-support/module-gradcheck';
import { AdaptiveAvgPool2d, AdaptiveMaxPool2d } from './adaptive-pool';
import { BatchNorm1d, BatchNorm2d } from './batch-norm';
import { Conv1d } from './conv1d';
import { Conv2d } from './conv2d';
import { Dropout } from './dropout';
import { Embedding } from './embedding';
import { GlobalAvgPool } from './global-avg-pool';
import { LayerNorm } from './layer-norm';
import { Linear } from './linear';
import { AvgPool2d, MaxPool2d } from './pool2d';
import { SpatialPyramidPool } from './spatial-pyramid-pool';

const f64 = { dtype: 'float64' as const };
const input = (shape: number[], seed = 1) => randn(shape, { seed, dtype: 'float64' });

describeBackends('layer gradients (input and parameters, by central differences)', () => {
  test('Linear', () => expectModuleGradcheck(new Linear(4, 3, { ...f64, seed: 1 }), [input([2, 4])]));

  test('Conv2d with stride, padding, dilation and groups', () => {
    const conv = new Conv2d(4, 2, 3, { stride: 2, padding: 1, dilation: [1, 2], groups: 2, ...f64, seed: 2 });
    expectModuleGradcheck(conv, [input([1, 4, 5, 6])]);
  });

  test("Conv2d with 'same' reflect padding", () => {
    expectModuleGradcheck(new Conv2d(1, 2, 3, { padding: 'same', paddingMode: 'reflect', ...f64, seed: 3 }), [
      input([1, 1, 4, 4]),
    ]);
  });

  test('Conv1d', () =>
    expectModuleGradcheck(new Conv1d(2, 3, 3, { padding: 'same', ...f64, seed: 4 }), [input([2, 2, 5])]));

  test('BatchNorm1d and BatchNorm2d in training and evaluation', () => {
    const bn1 = new BatchNorm1d(3, f64);
    expectModuleGradcheck(bn1, [input([4, 3])]);
    expectModuleGradcheck(bn1.eval(), [input([4, 3])]);
    expectModuleGradcheck(new BatchNorm2d(2, f64), [input([2, 2, 2, 3])]);
  });

  test('LayerNorm', () => expectModuleGradcheck(new LayerNorm([2, 3], f64), [input([2, 2, 3])]));

  test('Embedding (int32 indices; the padding row gets no gradient)', () => {
    const indices = tensor(
      [
        [0, 1, 4],
        [4, 4, 1],
      ],
      { dtype: 'int32' },
    );
    expectModuleGradcheck(new Embedding(5, 2, { ...f64, seed: 5 }), [indices]);
    // As PyTorch, the padding row's value reaches the output but its gradient is held at 0 on
    // purpose, so central differences (which see the value) cannot check it.
    const embed = new Embedding(5, 2, { paddingIdx: 1, ...f64, seed: 5 });
    embed.call(indices).sum().backward();
    expect((embed.weight.grad!.toArray() as number[][])[1]).toEqual([0, 0]);
    expect((embed.weight.grad!.toArray() as number[][])[4]).toEqual([3, 3]);
  });

  test('PReLU per channel', () => {
    const act = new PReLU(3, f64);
    expectModuleGradcheck(act, [input([2, 3, 2]).add(0.01)]);
  });

  test('pooling layers', () => {
    // Distinct, well-separated values keep the max away from ties.
    const x = tensor(
      Array.from({ length: 2 * 5 * 5 }, (_, i) => ((i * 37) % 50) / 7),
      { shape: [1, 2, 5, 5], dtype: 'float64' },
    );
    expectModuleGradcheck(new MaxPool2d(2, { stride: 1 }), [x]);
    expectModuleGradcheck(new AvgPool2d(3, { stride: 2, padding: 1 }), [x]);
    expectModuleGradcheck(new AdaptiveAvgPool2d([3, 2]), [x]);
    expectModuleGradcheck(new AdaptiveMaxPool2d([2, 3]), [x]);
    expectModuleGradcheck(new SpatialPyramidPool([1, 2]), [x]);
    expectModuleGradcheck(new GlobalAvgPool(), [x]);
  });

  test('a Sequential with a residual block', () => {
    const model = new Sequential(
      new Linear(3, 4, { ...f64, seed: 6 }),
      new Residual(new Sequential(new Linear(4, 4, { ...f64, seed: 7 }), new Tanh())),
      new Linear(4, 2, { ...f64, seed: 8 }),
    );
    expectModuleGradcheck(model, [input([2, 3])]);
  });

  test('Dropout passes the gradient through the kept units, scaled by 1/(1 − p)', () => {
    const x = ones([1000], { requiresGrad: true });
    const y = new Dropout(0.25, { seed: 9 }).call(x);
    y.sum().backward();
    expect(x.grad!.toArray()).toEqual(y.toArray());
  });
});
