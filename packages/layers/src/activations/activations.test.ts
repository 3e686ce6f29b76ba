import '@nagare/autograd';
import { expectGradcheck } from '@nagare/autograd/testing';
import {
  ArgumentError,
  cos,
  mean,
  randn,
  relu,
  ShapeError,
  sigmoid,
  step,
  type Tensor,
  tanh,
  tensor,
  variance,
} from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { referenceErfc, SAMPLE_POINTS } from '../test-support/closed-form';
import { glu, softmin } from './along-axis';
import * as axisLayers from './axis-modules';
import { hardSigmoid, hardSwish, hardtanh, relu6 } from './hard';
import * as hardLayers from './hard-modules';
import { maxout } from './maxout';
import * as rectifierLayers from './rectifier-modules';
import * as smoothLayers from './smooth-modules';

const layers = { ...axisLayers, ...hardLayers, ...rectifierLayers, ...smoothLayers };

import { PReLU } from './prelu';
import { celu, elu, leakyRelu, prelu, SELU_ALPHA, SELU_SCALE, selu } from './rectifiers';
import { RReLU, rrelu } from './rrelu';
import { hardshrink, softshrink, tanhshrink, threshold } from './shrink';
import { gelu, logSigmoid, mish, silu, softplus, softsign, swish } from './smooth';

const ALPHA = SELU_ALPHA;
const LAMBDA = SELU_SCALE;
const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const softplusRef = (x: number, beta = 1) => (beta * x > 20 ? x : Math.log1p(Math.exp(beta * x)) / beta);
const hardSigmoidRef = (x: number) => Math.min(Math.max(x / 6 + 0.5, 0), 1);

/** Each activation with its float64 closed form (hand-written with Math, independent of the ops). */
export const ACTIVATIONS: { name: string; fn: (x: Tensor) => Tensor; reference: (x: number) => number }[] = [
  { name: 'step', fn: step, reference: (x) => (x > 0 ? 1 : 0) },
  { name: 'sigmoid', fn: sigmoid, reference: sigma },
  { name: 'tanh', fn: tanh, reference: Math.tanh },
  { name: 'relu', fn: relu, reference: (x) => Math.max(x, 0) },
  { name: 'leakyRelu(0.1)', fn: (x) => leakyRelu(x, 0.1), reference: (x) => (x > 0 ? x : 0.1 * x) },
  {
    name: 'prelu (shared 0.3)',
    fn: (x) => prelu(x, tensor([0.3], { dtype: x.dtype })),
    reference: (x) => (x > 0 ? x : 0.3 * x),
  },
  { name: 'elu(1.3)', fn: (x) => elu(x, 1.3), reference: (x) => (x > 0 ? x : 1.3 * (Math.exp(x) - 1)) },
  { name: 'selu', fn: selu, reference: (x) => LAMBDA * (x > 0 ? x : ALPHA * (Math.exp(x) - 1)) },
  { name: 'celu(2)', fn: (x) => celu(x, 2), reference: (x) => (x > 0 ? x : 2 * (Math.exp(x / 2) - 1)) },
  { name: 'softplus', fn: (x) => softplus(x), reference: (x) => softplusRef(x) },
  { name: 'softplus(β = 2)', fn: (x) => softplus(x, { beta: 2 }), reference: (x) => softplusRef(x, 2) },
  { name: 'softsign', fn: softsign, reference: (x) => x / (1 + Math.abs(x)) },
  { name: 'gelu (exact)', fn: (x) => gelu(x), reference: (x) => 0.5 * x * referenceErfc(-x / Math.sqrt(2)) },
  {
    name: 'gelu (tanh)',
    fn: (x) => gelu(x, { approximate: 'tanh' }),
    reference: (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))),
  },
  { name: 'silu', fn: silu, reference: (x) => x * sigma(x) },
  { name: 'mish', fn: mish, reference: (x) => x * Math.tanh(Math.log1p(Math.exp(x))) },
  { name: 'hardSigmoid', fn: (x) => hardSigmoid(x), reference: hardSigmoidRef },
  { name: 'hardSwish', fn: hardSwish, reference: (x) => x * hardSigmoidRef(x) },
  { name: 'cos', fn: cos, reference: Math.cos },
  { name: 'logSigmoid', fn: logSigmoid, reference: (x) => -Math.log1p(Math.exp(-x)) },
  { name: 'relu6', fn: relu6, reference: (x) => Math.min(Math.max(x, 0), 6) },
  {
    name: 'hardtanh(-2, 1.5)',
    fn: (x) => hardtanh(x, -2, 1.5),
    reference: (x) => Math.min(Math.max(x, -2), 1.5),
  },
  { name: 'hardshrink(0.7)', fn: (x) => hardshrink(x, 0.7), reference: (x) => (Math.abs(x) > 0.7 ? x : 0) },
  {
    name: 'softshrink(0.7)',
    fn: (x) => softshrink(x, 0.7),
    reference: (x) => (x > 0.7 ? x - 0.7 : x < -0.7 ? x + 0.7 : 0),
  },
  { name: 'tanhshrink', fn: tanhshrink, reference: (x) => x - Math.tanh(x) },
  { name: 'threshold(0.2, -3)', fn: (x) => threshold(x, 0.2, -3), reference: (x) => (x > 0.2 ? x : -3) },
  {
    name: 'rrelu (eval)',
    fn: (x) => rrelu(x, { lower: 0.1, upper: 0.3 }),
    reference: (x) => (x > 0 ? x : 0.2 * x),
  },
];

describeBackends('activations', () => {
  test.each(ACTIVATIONS)('$name matches its float64 closed form', ({ fn, reference }) => {
    const expected = SAMPLE_POINTS.map(reference);
    expectAllClose(fn(tensor(SAMPLE_POINTS, { dtype: 'float64' })), expected, { rtol: 1e-10, atol: 1e-12 });
    const y = fn(tensor(SAMPLE_POINTS));
    expect(y.dtype).toBe('float32');
    expectAllClose(y, expected, { rtol: 3e-6, atol: 1e-6 });
  });

  // Points away from every kink (0; ±3 for the hard functions; βx = threshold for softplus).
  const GRAD_POINTS = [-3.6, -2.4, -1.3, -0.4, 0.35, 1.1, 2.2, 3.3];
  test.each(ACTIVATIONS)('$name passes gradcheck', ({ fn }) => {
    expectGradcheck(fn, [tensor(GRAD_POINTS, { dtype: 'float64' })]);
  });

  test('prelu and maxout pass gradcheck for every input', () => {
    const x = tensor(
      [
        [
          [-1.2, 0.7],
          [2.1, -0.3],
        ],
      ],
      { dtype: 'float64' },
    );
    expectGradcheck((input, weight) => prelu(input, weight), [x, tensor([0.2, 0.6], { dtype: 'float64' })]);
    expectGradcheck(
      (input) => maxout(input, 2),
      [tensor([[0.1, 0.9, -2, -1.5, 3, 2.2]], { dtype: 'float64' })],
    );
  });

  test('elu, selu, celu, softplus and mish have finite gradients at huge inputs', () => {
    for (const fn of [elu, selu, celu, mish, (x: Tensor) => softplus(x, { beta: 3 })]) {
      const x = tensor([-1e4, 1e4], { requiresGrad: true });
      fn(x).sum().backward();
      expect(Array.from(x.grad!.dataSync()).every(Number.isFinite)).toBe(true);
    }
  });

  test('prelu applies one slope per channel on axis 1', () => {
    const x = tensor([[[-1, 2]], [[-3, -4]]]).reshape([1, 2, 2]);
    expectAllClose(prelu(x, tensor([0.1, 0.5])), [
      [
        [-0.1, 2],
        [-1.5, -2],
      ],
    ]);
    expectAllClose(prelu(tensor([-2, -2]), tensor([0.25, 0.5])), [-0.5, -1]);
    expect(() => prelu(x, tensor([0.1, 0.2, 0.3]))).toThrow(ShapeError);
    expect(() => prelu(x, tensor([[0.1]]))).toThrow(ShapeError);
  });

  test('maxout takes the max of each group of k consecutive features', () => {
    expectAllClose(maxout(tensor([[1, 5, 2, 0, -1, -3]]), 2), [[5, 2, -1]]);
    expectAllClose(maxout(tensor([[1, 5, 2, 0, -1, -3]]), 3), [[5, 0]]);
    const images = maxout(randn([2, 6, 3, 3], { seed: 1 }), 3);
    expect(images.shape).toEqual([2, 2, 3, 3]);
    expectAllClose(
      maxout(
        tensor([
          [1, 9],
          [4, 2],
        ]),
        2,
        { axis: 0 },
      ),
      [[4, 9]],
    );
    expect(() => maxout(tensor([[1, 2, 3]]), 2)).toThrow(ShapeError);
    expect(() => maxout(tensor([[1, 2]]), 0)).toThrow(ArgumentError);
  });

  test('selu keeps a standard normal input near mean 0 and variance 1', () => {
    const y = selu(randn([100_000], { seed: 3, dtype: 'float64' }));
    expect(Math.abs(mean(y).item())).toBeLessThan(0.01);
    expect(Math.abs(variance(y).item() - 1)).toBeLessThan(0.02);
  });

  test('swish is silu; softplus and gelu reject bad options', () => {
    expect(swish).toBe(silu);
    expect(() => softplus(tensor([1]), { beta: 0 })).toThrow(ArgumentError);
    expect(() => gelu(tensor([1]), { approximate: 'erf' as 'none' })).toThrow(ArgumentError);
  });

  test('softmin is softmax of −x and glu gates one half with the other, both pass gradcheck', () => {
    const x = tensor(
      [
        [0.3, -1.2, 2.1, 0.5],
        [1.5, 0.2, -0.7, -2.2],
      ],
      { dtype: 'float64' },
    );
    const row = [0.3, -1.2, 2.1, 0.5].map((v) => Math.exp(-v));
    const total = row.reduce((a, b) => a + b, 0);
    expectAllClose(softmin(x).slice([0, 0], [1, 4]), [row.map((v) => v / total)], { rtol: 1e-12 });
    expectAllClose(glu(x).slice([0, 0], [1, 2]), [[0.3 * sigma(2.1), -1.2 * sigma(0.5)]], { rtol: 1e-12 });
    expect(glu(x, 0).shape).toEqual([1, 4]);
    expect(() => glu(tensor([[1, 2, 3]]))).toThrow(ShapeError);
    expectGradcheck((input) => softmin(input, 0), [x]);
    expectGradcheck((input) => glu(input), [x]);
  });

  test('rrelu in training draws one seeded slope in [lower, upper] per negative element', () => {
    const x = tensor([-1, -2, -3, -4, 5, -6, -7, -8], { dtype: 'float64' });
    const draw = () => rrelu(x, { lower: 0.1, upper: 0.4, training: true, seed: 3 }).toArray() as number[];
    const y = draw();
    expect(draw()).toEqual(y);
    expect(y[4]).toBe(5);
    const slopes = y.filter((_, i) => i !== 4).map((v, i) => v / [-1, -2, -3, -4, -6, -7, -8][i]);
    for (const slope of slopes) expect(slope >= 0.1 && slope <= 0.4).toBe(true);
    expect(new Set(slopes).size).toBe(slopes.length);
    expect(() => rrelu(x, { lower: 0.5, upper: 0.1 })).toThrow(ArgumentError);
    expectGradcheck((input) => rrelu(input, { training: true, seed: 5 }), [x]);
  });

  test('the new activations reject bad options', () => {
    expect(() => hardtanh(tensor([1]), 1, -1)).toThrow(ArgumentError);
    expect(() => hardshrink(tensor([1]), -0.1)).toThrow(ArgumentError);
    expect(() => softshrink(tensor([1]), Number.NaN)).toThrow(ArgumentError);
    expect(() => threshold(tensor([1]), Number.NaN, 0)).toThrow(ArgumentError);
    expect(() => new layers.Hardtanh(2, 2)).toThrow(ArgumentError);
    expect(() => new layers.Softmax2d().call(tensor([1, 2]))).toThrow(ShapeError);
  });

  test('hardSigmoid takes the ONNX line through options', () => {
    expectAllClose(hardSigmoid(tensor([-3, 0, 1, 3]), { alpha: 0.2, beta: 0.5 }), [0, 0.5, 0.7, 1]);
  });
});

const MODULES: { name: string; module: () => import('../module').Module; fn: (x: Tensor) => Tensor }[] = [
  { name: 'Step', module: () => new layers.Step(), fn: step },
  { name: 'Sigmoid', module: () => new layers.Sigmoid(), fn: sigmoid },
  { name: 'Tanh', module: () => new layers.Tanh(), fn: tanh },
  { name: 'ReLU', module: () => new layers.ReLU(), fn: relu },
  { name: 'LeakyReLU', module: () => new layers.LeakyReLU(0.2), fn: (x) => leakyRelu(x, 0.2) },
  { name: 'ELU', module: () => new layers.ELU(0.5), fn: (x) => elu(x, 0.5) },
  { name: 'SELU', module: () => new layers.SELU(), fn: selu },
  { name: 'CELU', module: () => new layers.CELU(3), fn: (x) => celu(x, 3) },
  {
    name: 'Softplus',
    module: () => new layers.Softplus({ beta: 3, threshold: 5 }),
    fn: (x) => softplus(x, { beta: 3, threshold: 5 }),
  },
  { name: 'Softsign', module: () => new layers.Softsign(), fn: softsign },
  {
    name: 'GELU',
    module: () => new layers.GELU({ approximate: 'tanh' }),
    fn: (x) => gelu(x, { approximate: 'tanh' }),
  },
  { name: 'SiLU', module: () => new layers.SiLU(), fn: silu },
  { name: 'Swish', module: () => new layers.Swish(), fn: silu },
  { name: 'Mish', module: () => new layers.Mish(), fn: mish },
  { name: 'HardSigmoid', module: () => new layers.HardSigmoid(), fn: (x) => hardSigmoid(x) },
  { name: 'HardSwish', module: () => new layers.HardSwish(), fn: hardSwish },
  { name: 'Cos', module: () => new layers.Cos(), fn: cos },
  { name: 'Maxout', module: () => new layers.Maxout(2), fn: (x) => maxout(x, 2) },
  { name: 'Softmax', module: () => new layers.Softmax(1), fn: (x) => x.softmax(1) },
  { name: 'LogSoftmax', module: () => new layers.LogSoftmax(), fn: (x) => x.logSoftmax(-1) },
  { name: 'LogSigmoid', module: () => new layers.LogSigmoid(), fn: logSigmoid },
  { name: 'Softmin', module: () => new layers.Softmin(0), fn: (x) => softmin(x, 0) },
  { name: 'ReLU6', module: () => new layers.ReLU6(), fn: relu6 },
  { name: 'Hardtanh', module: () => new layers.Hardtanh(-0.5, 0.5), fn: (x) => hardtanh(x, -0.5, 0.5) },
  { name: 'Hardshrink', module: () => new layers.Hardshrink(0.3), fn: (x) => hardshrink(x, 0.3) },
  { name: 'Softshrink', module: () => new layers.Softshrink(), fn: (x) => softshrink(x) },
  { name: 'Tanhshrink', module: () => new layers.Tanhshrink(), fn: tanhshrink },
  { name: 'Threshold', module: () => new layers.Threshold(0.1, 20), fn: (x) => threshold(x, 0.1, 20) },
  { name: 'GLU', module: () => new layers.GLU(), fn: (x) => glu(x) },
  { name: 'RReLU (eval)', module: () => new RReLU().eval(), fn: (x) => rrelu(x) },
];

describeBackends('activation layers', () => {
  test.each(MODULES)('$name layer equals its function and has no parameters', ({ module, fn }) => {
    const x = randn([3, 4], { seed: 11 });
    const layer = module();
    expect(layer.call(x).toArray()).toEqual(fn(x).toArray());
    expect(layer.numParameters()).toBe(0);
  });

  test('PReLU learns one slope or one per channel, initialized to 0.25', () => {
    const shared = new PReLU();
    expect(shared.namedParameters().map(([n, p]) => [n, p.shape])).toEqual([['weight', [1]]]);
    expect(shared.weight.toArray()).toEqual([0.25]);
    const perChannel = new PReLU(3, { init: 0.5 });
    expectAllClose(perChannel.call(tensor([[-2, -2, 2]])), [[-1, -1, 2]]);
    expect(perChannel.toString()).toContain('PReLU: numParameters=3');
    shared.dispose();
    perChannel.dispose();
  });

  test('Softmax2d normalizes over the channel axis; RReLU draws from its own seeded stream', () => {
    const y = new layers.Softmax2d().call(randn([2, 3, 2, 2], { seed: 2 }));
    expectAllClose(y.sum(1), randn([2, 2, 2], { seed: 0 }).mul(0).add(1), { rtol: 1e-6 });
    const x = randn([4, 5], { seed: 4 });
    const a = new RReLU(0.1, 0.3, { seed: 9 });
    const b = new RReLU(0.1, 0.3, { seed: 9 });
    expect(a.call(x).toArray()).toEqual(b.call(x).toArray());
    expect(a.call(x).toArray()).not.toEqual(a.eval().call(x).toArray());
  });
});
