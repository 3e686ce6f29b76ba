import '@nagare/autograd';
import { expectGradcheck } from '@nagare/autograd/testing';
import { ArgumentError, ShapeError } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { f64 } from '../test-support/loss-inputs';
import { gaussianNllLoss, poissonNllLoss } from './probabilistic';
import { smoothL1Loss } from './regression';

const TIGHT = { rtol: 1e-12, atol: 1e-12 };
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const X = [0.3, -1.2, 2.5, 0.9];
const Y = [0, 3, 7, 1];

describeBackends('poissonNllLoss and gaussianNllLoss', () => {
  test('poissonNllLoss on log rates and on rates, with and without the Stirling term', () => {
    const logInput = X.map((x, i) => Math.exp(x) - Y[i] * x);
    expectAllClose(poissonNllLoss(f64(X), f64(Y)), mean(logInput), TIGHT);
    const stirling = (y: number) => (y > 1 ? y * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI * y) : 0);
    const rates = [0.5, 2, 0, 1.5];
    const rateLoss = rates.map((r, i) => r - Y[i] * Math.log(r + 1e-8) + stirling(Y[i]));
    expectAllClose(
      poissonNllLoss(f64(rates), f64(Y), { logInput: false, full: true, reduction: 'none' }),
      rateLoss,
      { rtol: 1e-10 },
    );
    expectGradcheck((x) => poissonNllLoss(x, f64(Y), { full: true, reduction: 'sum' }), [f64(X)]);
    expect(() => poissonNllLoss(f64(X), f64([1]))).toThrow(ShapeError);
    expect(() => poissonNllLoss(f64(X), f64(Y), { eps: 0 })).toThrow(ArgumentError);
  });

  test('gaussianNllLoss takes per-element, per-sample [N, 1] and [N] variances', () => {
    const input = [
      [0.3, -1.2],
      [2.5, 0.9],
    ];
    const target = [
      [0.1, 0.4],
      [0.2, 2],
    ];
    const variance = [0.5, 2];
    const expected = input.flatMap((row, n) =>
      row.map((x, d) => 0.5 * (Math.log(variance[n]) + (x - target[n][d]) ** 2 / variance[n])),
    );
    expectAllClose(gaussianNllLoss(f64(input), f64(target), f64(variance)), mean(expected), TIGHT);
    expectAllClose(
      gaussianNllLoss(f64(input), f64(target), f64([[0.5], [2]]), { full: true, reduction: 'sum' }),
      expected.reduce((s, v) => s + v, 0) + 2 * Math.log(2 * Math.PI),
      TIGHT,
    );
    expectGradcheck(
      (x, v) => gaussianNllLoss(x, f64(target), v),
      [
        f64(input),
        f64([
          [0.5, 1.5],
          [2, 0.7],
        ]),
      ],
    );
    expect(() => gaussianNllLoss(f64(input), f64(target), f64([1, 2, 3]))).toThrow(ShapeError);
    expect(() => gaussianNllLoss(f64(input), f64(target), f64([1, -2]))).toThrow(ArgumentError);
  });

  test('gaussianNllLoss clamps a tiny variance to eps but passes its gradient through', () => {
    const variance = f64([1e-9]).requiresGrad_();
    const loss = gaussianNllLoss(f64([1]), f64([0]), variance, { eps: 1e-3 });
    expectAllClose(loss, 0.5 * (Math.log(1e-3) + 1 / 1e-3), TIGHT);
    loss.backward();
    expectAllClose(variance.grad!, [0.5 * (1 / 1e-3 - 1 / 1e-6)], { rtol: 1e-9 });
  });

  test('smoothL1Loss is quadratic below beta, linear above, and L1 at beta 0', () => {
    const d = [0.2, -3, 0.9, 1.7];
    const smooth = (v: number, beta: number) =>
      Math.abs(v) < beta ? (0.5 * v * v) / beta : Math.abs(v) - 0.5 * beta;
    expectAllClose(
      smoothL1Loss(f64(d), f64([0, 0, 0, 0]), { beta: 1.5, reduction: 'none' }),
      d.map((v) => smooth(v, 1.5)),
      TIGHT,
    );
    expectAllClose(smoothL1Loss(f64(d), f64([0, 0, 0, 0]), { beta: 0 }), mean(d.map(Math.abs)), TIGHT);
    expectGradcheck((x) => smoothL1Loss(x, f64([0, 0, 0, 0])), [f64(d)]);
    expect(() => smoothL1Loss(f64(d), f64(d), { beta: -1 })).toThrow(ArgumentError);
  });
});
