import { grad } from '@nagare/autograd';
import { ArgumentError, concat, randn, ShapeError, sum, type Tensor, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { type AnyModule, Module } from '../module';
import { describeBackends } from '../test-support/backends';
import { expectModuleGradcheck } from '../test-support/module-gradcheck';
import { LSTMCell } from './cells';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { RNN } from './rnn';

const f64 = { dtype: 'float64' as const };

function flattenAll(value: unknown): Tensor[] {
  if (Array.isArray(value)) return value.flatMap(flattenAll);
  return [(value as Tensor).reshape([-1])];
}

/** Checks a module with several outputs through one tensor: every output, flattened and joined. */
class AllOutputs extends Module<Tensor[], Tensor> {
  constructor(
    readonly inner: AnyModule,
    readonly run: (inner: AnyModule, inputs: Tensor[]) => unknown,
  ) {
    super();
    this.registerModule('inner', inner);
  }
  forward(...inputs: Tensor[]): Tensor {
    return concat(flattenAll(this.run(this.inner, inputs)), 0);
  }
}

describeBackends('recurrent gradients through time (float64 central differences)', () => {
  test('an LSTM cell: input, both states and every parameter', () => {
    const cell = new LSTMCell(3, 2, { seed: 1, ...f64 });
    const probe = new AllOutputs(cell, (m, [x, h, c]) => m.call(x, [h, c]));
    expectModuleGradcheck(probe, [
      randn([2, 3], { seed: 2, ...f64 }),
      randn([2, 2], { seed: 3, ...f64 }),
      randn([2, 2], { seed: 4, ...f64 }),
    ]);
  });

  test('3-step sequences of RNN (tanh, ReLU), LSTM and GRU, through outputs and final states', () => {
    const x = randn([3, 2, 2], { seed: 5, ...f64 });
    const h0 = randn([1, 2, 3], { seed: 6, ...f64 });
    const c0 = randn([1, 2, 3], { seed: 7, ...f64 });
    for (const nonlinearity of ['tanh', 'relu'] as const) {
      const rnn = new RNN(2, 3, { nonlinearity, seed: 8, ...f64 });
      expectModuleGradcheck(new AllOutputs(rnn, (m, [xs, h]) => m.call(xs, h)), [x, h0]);
    }
    const lstm = new LSTM(2, 3, { seed: 9, ...f64 });
    expectModuleGradcheck(new AllOutputs(lstm, (m, [xs, h, c]) => m.call(xs, [h, c])), [x, h0, c0]);
    const gru = new GRU(2, 3, { seed: 10, ...f64 });
    expectModuleGradcheck(new AllOutputs(gru, (m, [xs, h]) => m.call(xs, h)), [x, h0]);
  });

  test('two bidirectional layers with padded lengths, peepholes and a projection', () => {
    const x = randn([3, 2, 2], { seed: 11, ...f64 });
    const gru = new GRU(2, 2, { numLayers: 2, bidirectional: true, resetAfter: false, seed: 12, ...f64 });
    expectModuleGradcheck(new AllOutputs(gru, (m, [xs]) => m.call(xs, undefined, { lengths: [3, 2] })), [x]);
    const lstm = new LSTM(2, 3, { projSize: 2, peepholes: true, bidirectional: true, seed: 13, ...f64 });
    expectModuleGradcheck(new AllOutputs(lstm, (m, [xs]) => m.call(xs)), [x]);
  });

  test('the gradient reaches the first step: the loss on the last output depends on x_0', () => {
    const rnn = new RNN(1, 4, { seed: 14, ...f64 });
    const lastOutput = (x: Tensor) => sum(rnn.call(x)[0].slice([9], [10]));
    const dx = grad(lastOutput)(randn([10, 1, 1], { seed: 15, ...f64 }));
    const values = Array.from(dx.dataSync());
    expect(values[0]).not.toBe(0);
    expect(values.every(Number.isFinite)).toBe(true);
  });
});

describeBackends('recurrent layers reject bad input', () => {
  test('shapes, lengths and options', () => {
    const lstm = new LSTM(3, 4, { numLayers: 2 });
    expect(() => lstm.call(randn([5, 2, 2]))).toThrow(ShapeError);
    expect(() => lstm.call(randn([5]))).toThrow(ShapeError);
    expect(() => lstm.call(randn([5, 2, 3]), [randn([1, 2, 4]), randn([2, 2, 4])])).toThrow(ShapeError);
    expect(() => lstm.call(randn([5, 2, 3]), undefined, { lengths: [5] })).toThrow(ArgumentError);
    expect(() =>
      lstm.call(randn([5, 2, 3]), undefined, { lengths: tensor([6, 1], { dtype: 'int32' }) }),
    ).toThrow(ArgumentError);
    expect(() => new LSTM(3, 4, { projSize: 4 })).toThrow(ArgumentError);
    expect(() => new GRU(3, 4, { numLayers: 0 })).toThrow(ArgumentError);
    expect(() => new RNN(3, 4, { dropout: 1.5 })).toThrow(ArgumentError);
    expect(() => new RNN(3, 4, { nonlinearity: 'gelu' as 'tanh' })).toThrow(ArgumentError);
    lstm.dispose();
  });
});
