import { ArgumentError, type Tensor, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { onnxAdagradStep } from './onnx-adagrad';
import { onnxAdamStep } from './onnx-adam';
import { onnxMomentumStep } from './onnx-momentum';
import { runOnnxTrainingOp } from './run-onnx-training-op';

// The ONNX reference implementations (onnx/reference/ops/aionnx_preview_training), in float64.
const X = [1.5, -0.5];
const G = [-0.3, 2];
const V = [0.2, -0.1];
const H = [0.5, 1.5];
const f64 = (values: number[]) => tensor(values, { dtype: 'float64' });
const values = (t: Tensor) => Array.from(t.dataSync());

function expectClose(actual: number[], expected: number[]): void {
  for (let i = 0; i < actual.length; i++) {
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i])));
  }
}

describe('ONNX training operators beyond T = 0 (the conformance cases only have T = 0)', () => {
  test('Adam: bias correction folded into R, ε outside it, and norm_coefficient_post', () => {
    const [r, t, alpha, beta, eps, norm, post] = [0.1, 3, 0.9, 0.99, 1e-3, 0.01, 0.05];
    const result = onnxAdamStep(
      { r, t, x: [f64(X)], g: [f64(G)], v: [f64(V)], h: [f64(H)] },
      { alpha, beta, epsilon: eps, normCoefficient: norm, normCoefficientPost: post },
    );
    const g = G.map((gi, i) => norm * X[i] + gi);
    const v = V.map((vi, i) => alpha * vi + (1 - alpha) * g[i]);
    const h = H.map((hi, i) => beta * hi + (1 - beta) * g[i] * g[i]);
    const rAdjusted = (r * Math.sqrt(1 - beta ** t)) / (1 - alpha ** t);
    const x = X.map((xi, i) => (1 - post) * (xi - (rAdjusted * v[i]) / (Math.sqrt(h[i]) + eps)));
    expectClose(values(result.x[0]), x);
    expectClose(values(result.v[0]), v);
    expectClose(values(result.h[0]), h);
  });

  test('Adagrad: the lr decays as R / (1 + T·decay_factor)', () => {
    const [r, t, decay, eps, norm] = [0.1, 4, 0.5, 1e-5, 0.01];
    const result = onnxAdagradStep(
      { r, t, x: [f64(X)], g: [f64(G)], h: [f64(H)] },
      { decayFactor: decay, epsilon: eps, normCoefficient: norm },
    );
    const g = G.map((gi, i) => norm * X[i] + gi);
    const h = H.map((hi, i) => hi + g[i] * g[i]);
    const x = X.map((xi, i) => xi - ((r / (1 + t * decay)) * g[i]) / (Math.sqrt(h[i]) + eps));
    expectClose(values(result.x[0]), x);
    expectClose(values(result.h[0]), h);
  });

  test.each(['standard', 'nesterov'] as const)('Momentum (%s): β scales the gradient once T > 0', (mode) => {
    const [r, alpha, beta, norm] = [0.1, 0.9, 0.3, 0.01];
    const result = onnxMomentumStep(
      { r, t: 2, x: [f64(X)], g: [f64(G)], v: [f64(V)] },
      { alpha, beta, mode, normCoefficient: norm },
    );
    const g = G.map((gi, i) => norm * X[i] + gi);
    const v = V.map((vi, i) => alpha * vi + beta * g[i]);
    const x = X.map((xi, i) => xi - r * (mode === 'standard' ? v[i] : g[i] + alpha * v[i]));
    expectClose(values(result.x[0]), x);
    expectClose(values(result.v[0]), v);
  });

  test('the inputs are left untouched', () => {
    const x = f64(X);
    onnxAdagradStep({ r: 0.1, t: 0, x: [x], g: [f64(G)], h: [f64(H)] });
    expect(values(x)).toEqual(X);
  });

  test('runOnnxTrainingOp splits the flat input list and orders outputs as the node does', () => {
    const [x1, x2] = [f64([1]), f64([2, 3])];
    const outputs = runOnnxTrainingOp(
      'Adagrad',
      [f64([0.1]), f64([0]), x1, x2, f64([1]), f64([1, 1]), f64([0]), f64([0, 0])],
      {},
    );
    expect(outputs.map((t) => t.shape)).toEqual([[1], [2], [1], [2]]);
    expect(values(outputs[2])).toEqual([1]);
    expect(() => runOnnxTrainingOp('Adam', [f64([0.1]), f64([0]), x1])).toThrow(
      /expects R, T and 4 equal lists/,
    );
    expect(() =>
      runOnnxTrainingOp('Momentum', [f64([0.1]), f64([0]), x1, x1, x1], {
        alpha: 0.9,
        beta: 0.1,
        norm_coefficient: 0,
      }),
    ).toThrow(/attribute mode/);
    expect(() => onnxAdamStep({ r: 0.1, t: 0, x: [x1], g: [], v: [x1], h: [x1] })).toThrow(ArgumentError);
  });
});
