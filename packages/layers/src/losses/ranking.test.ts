import '@nagare/autograd';
import { expectGradcheck } from '@nagare/autograd/testing';
import { ArgumentError, abs, DTypeError, ShapeError, sub, sum, type Tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { f64, i32 } from '../test-support/loss-inputs';
import { multilabelMarginLoss } from './multi-label-margin';
import { cosineEmbeddingLoss, hingeEmbeddingLoss, marginRankingLoss } from './ranking';
import { multiLabelSoftMarginLoss, softMarginLoss } from './soft-margin';
import { tripletMarginLoss } from './triplet';
import { tripletMarginWithDistanceLoss } from './triplet-with-distance';

const TIGHT = { rtol: 1e-12, atol: 1e-12 };
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const A = [
  [0.3, -1.2, 2.5],
  [0.9, 0.1, -0.4],
];
const B = [
  [1.1, 0.2, -0.3],
  [0.8, 0.3, -0.1],
];
const C = [
  [-0.5, 0.7, 1.9],
  [0.2, -1.3, 0.6],
];
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const logSigmoid = (x: number) => -Math.log1p(Math.exp(-x));

describeBackends('ranking, embedding and soft-margin losses', () => {
  test('marginRankingLoss and hingeEmbeddingLoss', () => {
    const x1 = [0.3, -1.2, 2.5, 0.9];
    const x2 = [0.1, 0.4, 0.2, 2];
    const y = [1, -1, -1, 1];
    const ranking = x1.map((a, i) => Math.max(0, -y[i] * (a - x2[i]) + 0.5));
    expectAllClose(marginRankingLoss(f64(x1), f64(x2), f64(y), { margin: 0.5 }), mean(ranking), TIGHT);
    const embedding = x1.map((x, i) => (y[i] === 1 ? x : Math.max(0, 1 - x)));
    expectAllClose(hingeEmbeddingLoss(f64(x1), f64(y), { reduction: 'none' }), embedding, TIGHT);
    expectGradcheck((a, b) => marginRankingLoss(a, b, f64(y), { margin: 0.5 }), [f64(x1), f64(x2)]);
    expectGradcheck((x) => hingeEmbeddingLoss(x, f64(y), { margin: 2 }), [f64(x1)]);
    expect(() => marginRankingLoss(f64(x1), f64(x2), f64([1]))).toThrow(ShapeError);
  });

  test('cosineEmbeddingLoss pulls y = 1 pairs together and pushes y = −1 pairs past the margin', () => {
    const cosine = (a: number[], b: number[]) =>
      a.reduce((s, v, i) => s + v * b[i], 0) / Math.sqrt((norm(a) ** 2 + 1e-12) * (norm(b) ** 2 + 1e-12));
    const expected = [1 - cosine(A[0], B[0]), Math.max(0, cosine(A[1], B[1]) - 0.1)];
    expectAllClose(
      cosineEmbeddingLoss(f64(A), f64(B), f64([1, -1]), { margin: 0.1, reduction: 'none' }),
      expected,
      TIGHT,
    );
    expectGradcheck((a, b) => cosineEmbeddingLoss(a, b, f64([1, -1])), [f64(A), f64(B)]);
    expect(() => cosineEmbeddingLoss(f64(A), f64(B), f64([1, 1, 1]))).toThrow(ShapeError);
  });

  test('tripletMarginLoss with p = 2, p = 1 and the distance swap', () => {
    const distance = (a: number[], b: number[], p: number) =>
      a.reduce((s, v, i) => s + Math.abs(v - b[i] + 1e-6) ** p, 0) ** (1 / p);
    const loss = (p: number, swap: boolean) =>
      A.map((a, n) => {
        let negative = distance(a, C[n], p);
        if (swap) negative = Math.min(negative, distance(B[n], C[n], p));
        return Math.max(0, distance(a, B[n], p) - negative + 1);
      });
    expectAllClose(tripletMarginLoss(f64(A), f64(B), f64(C), { reduction: 'none' }), loss(2, false), TIGHT);
    expectAllClose(
      tripletMarginLoss(f64(A), f64(B), f64(C), { p: 1, swap: true }),
      mean(loss(1, true)),
      TIGHT,
    );
    expectAllClose(tripletMarginLoss(f64(A), f64(B), f64(C), { p: 3 }), mean(loss(3, false)), TIGHT);
    expectGradcheck(
      (a, b, c) => tripletMarginLoss(a, b, c, { margin: 2, swap: true }),
      [f64(A), f64(B), f64(C)],
    );
    expect(() => tripletMarginLoss(f64(A), f64(B), f64([1, 2, 3]))).toThrow(ShapeError);
    expect(() => tripletMarginLoss(f64(A), f64(B), f64(C), { p: 0 })).toThrow(ArgumentError);
    // With its default distance the distance-function form is the same loss.
    expectAllClose(tripletMarginWithDistanceLoss(f64(A), f64(B), f64(C)), mean(loss(2, false)), TIGHT);
    const l1 = (a: Tensor, b: Tensor) => sum(abs(sub(a, b)), -1);
    const byL1 = A.map((a, n) => Math.max(0, distance(a, B[n], 1) - distance(a, C[n], 1) + 0.5));
    expectAllClose(
      tripletMarginWithDistanceLoss(f64(A), f64(B), f64(C), {
        distanceFunction: l1,
        margin: 0.5,
        reduction: 'none',
      }),
      byL1,
      { rtol: 1e-5 },
    );
    expect(() => tripletMarginWithDistanceLoss(f64(A), f64(B), f64(C), { margin: 0 })).toThrow(ArgumentError);
  });

  test('multilabelMarginLoss reads each target list up to the first −1', () => {
    // PyTorch's documented example: (1 − (0.1 − 0.2)) + (1 − (0.1 − 0.4)) + (1 − (0.8 − 0.2)) + (1 − (0.8 − 0.4)), over 4.
    const x = f64([[0.1, 0.2, 0.4, 0.8]]);
    expectAllClose(multilabelMarginLoss(x, i32([[3, 0, -1, 1]])), 0.85, TIGHT);
    expectAllClose(
      multilabelMarginLoss(f64([0.1, 0.2, 0.4, 0.8]), i32([3, 0, -1, 1]), { reduction: 'sum' }),
      0.85,
      TIGHT,
    );
    expectGradcheck(
      (input) => multilabelMarginLoss(input, i32([[3, 0, -1, 1]])),
      [f64([[0.1, 0.25, 0.45, 0.8]])],
    );
    expect(() => multilabelMarginLoss(x, i32([[4, -1, 0, 0]]))).toThrow(ArgumentError);
    expect(() => multilabelMarginLoss(x, f64([[3, 0, -1, 1]]))).toThrow(DTypeError);
  });

  test('softMarginLoss and multiLabelSoftMarginLoss (with class weights)', () => {
    const x = [0.3, -1.2, 2.5, 0.9];
    const y = [1, -1, -1, 1];
    expectAllClose(
      softMarginLoss(f64(x), f64(y)),
      mean(x.map((v, i) => Math.log1p(Math.exp(-y[i] * v)))),
      TIGHT,
    );
    const targets = [
      [1, 0, 1],
      [0, 0, 1],
    ];
    const weight = [1, 2, 0.5];
    const perSample = A.map((row, n) =>
      mean(
        row.map(
          (v, c) => -weight[c] * (targets[n][c] * logSigmoid(v) + (1 - targets[n][c]) * logSigmoid(-v)),
        ),
      ),
    );
    expectAllClose(
      multiLabelSoftMarginLoss(f64(A), f64(targets), { weight: f64(weight), reduction: 'none' }),
      perSample,
      TIGHT,
    );
    expectGradcheck(
      (input) => multiLabelSoftMarginLoss(input, f64(targets), { weight: f64(weight) }),
      [f64(A)],
    );
    expectGradcheck((input) => softMarginLoss(input, f64(y), { reduction: 'sum' }), [f64(x)]);
    expect(() => multiLabelSoftMarginLoss(f64(A), f64(targets), { weight: f64([1]) })).toThrow(ShapeError);
  });
});
