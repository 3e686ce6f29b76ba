import '@nagare/autograd';
import { ArgumentError, DTypeError, randn, ShapeError, type Tensor, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { expectModuleGradcheck } from '../test-support/module-gradcheck';
import {
  type Matrix,
  type ReferenceWeights,
  referenceGruStep,
  referenceLstmStep,
  referenceRnnStep,
} from '../test-support/recurrent-reference';
import type { CellBase } from './cell-base';
import { GRUCell, LSTMCell, RNNCell } from './cells';

const f64 = { dtype: 'float64' as const };
const rows = (t: Tensor) => t.toArray() as Matrix;

function referenceWeights(cell: CellBase<never[], unknown>): ReferenceWeights {
  return {
    weightIh: rows(cell.weightIh),
    weightHh: rows(cell.weightHh),
    biasIh: cell.biasIh!.toArray() as number[],
    biasHh: cell.biasHh!.toArray() as number[],
  };
}

// Created inside each test, so they live on the backend under test.
const batch = () => ({
  x: randn([3, 4], { seed: 1, ...f64 }),
  h: randn([3, 5], { seed: 2, ...f64 }),
  c: randn([3, 5], { seed: 3, ...f64 }),
});

describeBackends('recurrent cells', () => {
  test('RNNCell matches tanh and ReLU Elman steps computed in float64', () => {
    const { x, h } = batch();
    for (const nonlinearity of ['tanh', 'relu'] as const) {
      const cell = new RNNCell(4, 5, { nonlinearity, seed: 4, ...f64 });
      const w = referenceWeights(cell);
      const expected = rows(x).map((xi, n) => referenceRnnStep(xi, rows(h)[n], w, nonlinearity === 'relu'));
      expectAllClose(cell.call(x, h), expected, { rtol: 1e-12, atol: 1e-12 });
      cell.dispose();
    }
  });

  test('LSTMCell matches the i, f, g, o equations computed in float64', () => {
    const { x, h, c } = batch();
    const cell = new LSTMCell(4, 5, { seed: 5, ...f64 });
    const w = referenceWeights(cell);
    const expected = rows(x).map((xi, n) => referenceLstmStep(xi, rows(h)[n], rows(c)[n], w));
    const [hNext, cNext] = cell.call(x, [h, c]);
    expectAllClose(
      hNext,
      expected.map(([hn]) => hn),
      { rtol: 1e-12, atol: 1e-12 },
    );
    expectAllClose(
      cNext,
      expected.map(([, cn]) => cn),
      { rtol: 1e-12, atol: 1e-12 },
    );
    cell.dispose();
  });

  test('GRUCell matches the r, z, n equations, reset after (PyTorch) and before (Cho et al.)', () => {
    const { x, h } = batch();
    for (const resetAfter of [true, false]) {
      const cell = new GRUCell(4, 5, { resetAfter, seed: 6, ...f64 });
      const w = referenceWeights(cell);
      const expected = rows(x).map((xi, n) => referenceGruStep(xi, rows(h)[n], w, resetAfter));
      expectAllClose(cell.call(x, h), expected, { rtol: 1e-12, atol: 1e-12 });
      cell.dispose();
    }
  });

  test('the state defaults to zeros and unbatched [inputSize] input gives [hiddenSize]', () => {
    const { x } = batch();
    const cell = new LSTMCell(4, 5, { seed: 7, ...f64 });
    const zero = tensor(new Array(5).fill(0), f64);
    const [h1, c1] = cell.call(x.slice([0], [1]).reshape([4]));
    const [h2, c2] = cell.call(x.slice([0], [1]).reshape([4]), [zero, zero]);
    expect(h1.shape).toEqual([5]);
    expectAllClose(h1, h2);
    expectAllClose(c1, c2);
    const batched = cell.call(x)[0];
    expectAllClose(h1, (batched.toArray() as Matrix)[0], { rtol: 1e-12 });
    cell.dispose();
  });

  test("parameters have PyTorch's names, shapes and U(−1/√H, 1/√H) initialization", () => {
    const cell = new GRUCell(10, 64, { seed: 8 });
    expect(cell.namedParameters().map(([name, p]) => [name, p.shape])).toEqual([
      ['weight_ih', [192, 10]],
      ['weight_hh', [192, 64]],
      ['bias_ih', [192]],
      ['bias_hh', [192]],
    ]);
    const values = cell.parameters().flatMap((p) => Array.from(p.dataSync()));
    const bound = 1 / Math.sqrt(64);
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...values.map(Math.abs))).toBeGreaterThan(0.99 * bound);
    expect(new RNNCell(3, 2, { bias: false }).namedParameters().map(([name]) => name)).toEqual([
      'weight_ih',
      'weight_hh',
    ]);
    expect(cell.extraRepr()).toBe('10, 64');
    expect(new RNNCell(3, 2, { bias: false, nonlinearity: 'relu' }).extraRepr()).toBe(
      '3, 2, bias=false, nonlinearity=relu',
    );
    expect(new GRUCell(3, 2, { resetAfter: false }).extraRepr()).toBe('3, 2, resetAfter=false');
    cell.dispose();
  });

  test('rejects wrong input and state shapes, integer input and bad options', () => {
    const cell = new RNNCell(4, 5);
    expect(() => cell.call(randn([3, 3]))).toThrow(ShapeError);
    expect(() => cell.call(randn([2, 3, 4]))).toThrow(ShapeError);
    expect(() => cell.call(randn([3, 4]), randn([2, 5]))).toThrow(ShapeError);
    expect(() => cell.call(tensor([[1, 2, 3, 4]], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(() => new RNNCell(4, 5, { nonlinearity: 'sigmoid' as 'tanh' })).toThrow(ArgumentError);
    expect(() => new LSTMCell(-1, 5)).toThrow(ArgumentError);
    cell.dispose();
  });

  test('gradients of each cell (input, state and parameters) match central differences', () => {
    const xs = randn([2, 3], { seed: 9, ...f64 });
    const hs = randn([2, 4], { seed: 10, ...f64 });
    expectModuleGradcheck(new RNNCell(3, 4, { seed: 11, ...f64 }), [xs, hs]);
    expectModuleGradcheck(new GRUCell(3, 4, { seed: 12, ...f64 }), [xs, hs]);
    expectModuleGradcheck(new GRUCell(3, 4, { resetAfter: false, seed: 13, ...f64 }), [xs, hs]);
  });
});
