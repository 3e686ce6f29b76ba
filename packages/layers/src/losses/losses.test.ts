import { ArgumentError, DTypeError, ShapeError, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { CLASS_WEIGHT, f64, i32, LABELS, LOGITS } from '../test-support/loss-inputs';
import { binaryCrossEntropy, binaryCrossEntropyWithLogits } from './binary';
import { crossEntropy } from './cross-entropy';
import { hingeLoss, multiMarginLoss } from './hinge';
import { klDiv } from './kl-div';
import { nllLoss } from './nll';
import { huberLoss, l1Loss, mseLoss } from './regression';

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const total = (values: number[]) => values.reduce((s, v) => s + v, 0);
const logSoftmaxRow = (row: number[]) => {
  const peak = Math.max(...row);
  const lse = peak + Math.log(row.reduce((s, v) => s + Math.exp(v - peak), 0));
  return row.map((v) => v - lse);
};
const TIGHT = { rtol: 1e-12, atol: 1e-12 };

/** PyTorch's cross_entropy with class indices, written from its documented formula. */
function referenceCrossEntropy(
  logits: number[][],
  labels: number[],
  weight: number[] | null,
  ignore: number,
  smoothing: number,
) {
  const classes = logits[0].length;
  const w = (c: number) => (weight ? weight[c] : 1);
  const perSample = logits.map((row, n) => {
    if (labels[n] === ignore) return 0;
    const logp = logSoftmaxRow(row);
    const nll = -w(labels[n]) * logp[labels[n]];
    const uniform = -logp.reduce((s, v, c) => s + w(c) * v, 0);
    return (1 - smoothing) * nll + (smoothing / classes) * uniform;
  });
  const denominator = total(labels.map((y) => (y === ignore ? 0 : w(y))));
  return { none: perSample, sum: total(perSample), mean: total(perSample) / denominator };
}

describeBackends('regression losses', () => {
  const x = f64([1, 2, 3, -1]);
  const y = f64([1.5, 2, 0, 1]);
  const d = [-0.5, 0, 3, -2];

  test('mseLoss and l1Loss with every reduction', () => {
    expectAllClose(mseLoss(x, y), mean(d.map((v) => v * v)), TIGHT);
    expectAllClose(mseLoss(x, y, { reduction: 'sum' }), total(d.map((v) => v * v)), TIGHT);
    expectAllClose(
      mseLoss(x, y, { reduction: 'none' }),
      d.map((v) => v * v),
      TIGHT,
    );
    expectAllClose(l1Loss(x, y), mean(d.map(Math.abs)), TIGHT);
    expectAllClose(l1Loss(x, y, { reduction: 'sum' }), total(d.map(Math.abs)), TIGHT);
  });

  test('huberLoss is quadratic inside delta and linear outside', () => {
    const huber = (v: number, delta: number) =>
      Math.abs(v) <= delta ? 0.5 * v * v : delta * (Math.abs(v) - 0.5 * delta);
    expectAllClose(
      huberLoss(x, y, { reduction: 'none' }),
      d.map((v) => huber(v, 1)),
      TIGHT,
    );
    expectAllClose(huberLoss(x, y, { delta: 2.5 }), mean(d.map((v) => huber(v, 2.5))), TIGHT);
    expect(() => huberLoss(x, y, { delta: 0 })).toThrow(ArgumentError);
  });

  test('shapes must match and the reduction must be known', () => {
    expect(() => mseLoss(f64([[1], [2]]), f64([1, 2]))).toThrow(ShapeError);
    expect(() => l1Loss(x, y, { reduction: 'avg' as 'mean' })).toThrow(ArgumentError);
  });
});

describeBackends('crossEntropy and nllLoss', () => {
  test.each([
    { name: 'plain', weight: null, smoothing: 0 },
    { name: 'class weights', weight: CLASS_WEIGHT, smoothing: 0 },
    { name: 'label smoothing', weight: null, smoothing: 0.2 },
    { name: 'weights and smoothing', weight: CLASS_WEIGHT, smoothing: 0.1 },
  ])('class indices ($name) with ignoreIndex, every reduction', ({ weight, smoothing }) => {
    const expected = referenceCrossEntropy(LOGITS, LABELS, weight, -100, smoothing);
    const options = { weight: weight ? f64(weight) : undefined, labelSmoothing: smoothing };
    expectAllClose(crossEntropy(f64(LOGITS), i32(LABELS), options), expected.mean, TIGHT);
    expectAllClose(
      crossEntropy(f64(LOGITS), i32(LABELS), { ...options, reduction: 'sum' }),
      expected.sum,
      TIGHT,
    );
    expectAllClose(
      crossEntropy(f64(LOGITS), i32(LABELS), { ...options, reduction: 'none' }),
      expected.none,
      TIGHT,
    );
  });

  test('a custom ignoreIndex, even one that is a valid negative index, is skipped', () => {
    const labels = [0, -1, 1, 2];
    const expected = referenceCrossEntropy(LOGITS, labels, null, -1, 0);
    expectAllClose(crossEntropy(f64(LOGITS), i32(labels), { ignoreIndex: -1 }), expected.mean, TIGHT);
  });

  test('probability targets, with weights and smoothing', () => {
    const targets = [
      [0.7, 0.1, 0.1, 0.1],
      [0, 0, 1, 0],
      [0.25, 0.25, 0.25, 0.25],
      [0, 0.5, 0.5, 0],
    ];
    const reference = (weight: number[], smoothing: number) =>
      LOGITS.map((row, n) => {
        const logp = logSoftmaxRow(row);
        return -logp.reduce(
          (s, v, c) => s + weight[c] * v * (targets[n][c] * (1 - smoothing) + smoothing / 4),
          0,
        );
      });
    const plain = reference([1, 1, 1, 1], 0);
    expectAllClose(crossEntropy(f64(LOGITS), f64(targets)), mean(plain), TIGHT);
    const weighted = reference(CLASS_WEIGHT, 0.3);
    const options = { weight: f64(CLASS_WEIGHT), labelSmoothing: 0.3 };
    // As PyTorch: the mean divides by the number of samples, not by the weights.
    expectAllClose(crossEntropy(f64(LOGITS), f64(targets), options), mean(weighted), TIGHT);
    expectAllClose(
      crossEntropy(f64(LOGITS), f64(targets), { ...options, reduction: 'none' }),
      weighted,
      TIGHT,
    );
  });

  test('the class axis is 1 for [N, C, d] inputs and 0 for an unbatched [C]', () => {
    // [N=1, C=3, d=2]: positions are the columns.
    const logits = [
      [
        [1, 0],
        [2, 0],
        [3, 5],
      ],
    ];
    const labels = [[2, 0]];
    const columns = [
      [1, 2, 3],
      [0, 0, 5],
    ];
    const expected = mean(columns.map((row, i) => -logSoftmaxRow(row)[labels[0][i]]));
    expectAllClose(crossEntropy(f64(logits), i32(labels)), expected, TIGHT);
    expectAllClose(
      crossEntropy(f64([1, 2, 3]), tensor(2, { dtype: 'int32' })),
      -logSoftmaxRow([1, 2, 3])[2],
      TIGHT,
    );
  });

  test('huge logits stay finite (log-sum-exp)', () => {
    const loss = crossEntropy(tensor([[1000, -1000, 0]]), i32([1]));
    expectAllClose(loss, 2000, { rtol: 1e-6 });
  });

  test('nllLoss takes log-probabilities', () => {
    const logp = LOGITS.map(logSoftmaxRow);
    const expected = referenceCrossEntropy(LOGITS, LABELS, CLASS_WEIGHT, -100, 0);
    expectAllClose(nllLoss(f64(logp), i32(LABELS), { weight: f64(CLASS_WEIGHT) }), expected.mean, TIGHT);
    expectAllClose(
      nllLoss(f64(logp), i32(LABELS), { reduction: 'none' }),
      referenceCrossEntropy(LOGITS, LABELS, null, -100, 0).none,
      TIGHT,
    );
    const everythingIgnored = nllLoss(f64(logp), i32([-100, -100, -100, -100]));
    expect(Number.isNaN(everythingIgnored.item())).toBe(true);
  });

  test('bad targets and options are typed errors', () => {
    const logits = f64(LOGITS);
    expect(() => crossEntropy(logits, i32([0, 1, 2, 4]))).toThrow(ArgumentError);
    expect(() => crossEntropy(logits, i32([0, 1, 2]))).toThrow(ShapeError);
    expect(() => crossEntropy(logits, f64([[1, 0, 0, 0]]))).toThrow(ShapeError);
    expect(() => crossEntropy(i32([[1, 2]]), i32([0]))).toThrow(DTypeError);
    expect(() => nllLoss(logits, tensor([0, 1, 2, 3]))).toThrow(DTypeError);
    expect(() => crossEntropy(logits, i32(LABELS), { weight: f64([1, 2]) })).toThrow(ShapeError);
    expect(() => crossEntropy(logits, i32(LABELS), { labelSmoothing: 1.5 })).toThrow(ArgumentError);
    expect(() => crossEntropy(logits, i32(LABELS), { reduction: 'batchmean' as 'mean' })).toThrow(
      ArgumentError,
    );
  });
});

describeBackends('binary losses', () => {
  const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
  const logits = [3, -2, 0.5, 0, -0.1];
  const targets = [1, 0, 0, 1, 0.3];

  test('binaryCrossEntropy follows its formula, with weights', () => {
    const p = logits.map(sigmoid);
    const terms = p.map((v, i) => -(targets[i] * Math.log(v) + (1 - targets[i]) * Math.log(1 - v)));
    expectAllClose(binaryCrossEntropy(f64(p), f64(targets)), mean(terms), TIGHT);
    const weight = [1, 2, 3, 4, 5];
    expectAllClose(
      binaryCrossEntropy(f64(p), f64(targets), { weight: f64(weight), reduction: 'sum' }),
      total(terms.map((t, i) => t * weight[i])),
      TIGHT,
    );
  });

  test('binaryCrossEntropy clamps the log terms at −100', () => {
    expectAllClose(
      binaryCrossEntropy(f64([0, 1, 1, 0]), f64([1, 0, 1, 0]), { reduction: 'none' }),
      [100, 100, 0, 0],
      TIGHT,
    );
    expectAllClose(binaryCrossEntropy(tensor([0, 1]), tensor([1, 0]), { reduction: 'none' }), [100, 100]);
  });

  test('binaryCrossEntropyWithLogits equals the cross-entropy of sigmoid and handles huge logits', () => {
    const terms = logits.map(
      (v, i) => -(targets[i] * Math.log(sigmoid(v)) + (1 - targets[i]) * Math.log(1 - sigmoid(v))),
    );
    expectAllClose(
      binaryCrossEntropyWithLogits(f64(logits), f64(targets), { reduction: 'none' }),
      terms,
      TIGHT,
    );
    expectAllClose(
      binaryCrossEntropyWithLogits(tensor([200, -200, 200]), tensor([0, 1, 1]), { reduction: 'none' }),
      [200, 200, 0],
    );
  });

  test('posWeight scales the positive term per class', () => {
    const x = [
      [1, -1],
      [0.5, 2],
    ];
    const y = [
      [1, 0],
      [1, 1],
    ];
    const posWeight = [3, 0.5];
    const expected = x.flatMap((row, n) =>
      row.map(
        (v, c) => -(posWeight[c] * y[n][c] * Math.log(sigmoid(v)) + (1 - y[n][c]) * Math.log(1 - sigmoid(v))),
      ),
    );
    expectAllClose(
      binaryCrossEntropyWithLogits(f64(x), f64(y), { posWeight: f64(posWeight) }),
      mean(expected),
      TIGHT,
    );
    expect(() => binaryCrossEntropyWithLogits(f64(x), f64(y), { posWeight: f64([1, 2, 3]) })).toThrow(
      ShapeError,
    );
  });
});

describeBackends('klDiv and hinge losses', () => {
  const logq = [Math.log(0.5), Math.log(0.3), Math.log(0.2)];
  const p = [0.6, 0.4, 0];
  const pointwise = p.map((v, i) => (v > 0 ? v * (Math.log(v) - logq[i]) : 0));

  test('klDiv reductions, 0·log 0 = 0, and log targets', () => {
    const input = f64([logq, logq]);
    const target = f64([p, p]);
    expectAllClose(klDiv(input, target, { reduction: 'none' }), [pointwise, pointwise], TIGHT);
    expectAllClose(klDiv(input, target), total(pointwise) / 3, TIGHT);
    expectAllClose(klDiv(input, target, { reduction: 'sum' }), 2 * total(pointwise), TIGHT);
    expectAllClose(klDiv(input, target, { reduction: 'batchmean' }), total(pointwise), TIGHT);
    const logTarget = f64([[Math.log(0.6), Math.log(0.4)]]);
    const expected = 0.6 * (Math.log(0.6) - logq[0]) + 0.4 * (Math.log(0.4) - logq[1]);
    expectAllClose(
      klDiv(f64([logq.slice(0, 2)]), logTarget, { logTarget: true, reduction: 'sum' }),
      expected,
      TIGHT,
    );
    expect(() => klDiv(input, target, { reduction: 'max' as 'sum' })).toThrow(ArgumentError);
  });

  test('hingeLoss is max(0, margin − y·x)', () => {
    expectAllClose(
      hingeLoss(f64([2, -0.5, 0.3, -3]), f64([1, 1, -1, -1]), { reduction: 'none' }),
      [0, 1.5, 1.3, 0],
      TIGHT,
    );
    expectAllClose(hingeLoss(f64([2, -0.5]), f64([1, 1]), { margin: 3 }), (1 + 3.5) / 2, TIGHT);
  });

  test('multiMarginLoss sums the hinge over the wrong classes', () => {
    const scores = [
      [0.1, 0.2, 0.4, 0.8],
      [1, -1, 0, 0.5],
    ];
    const labels = [3, 0];
    const reference = (power: number, weight = [1, 1, 1, 1]) =>
      scores.map(
        (row, n) =>
          (weight[labels[n]] *
            total(row.map((v, i) => (i === labels[n] ? 0 : Math.max(0, 1 - row[labels[n]] + v) ** power)))) /
          4,
      );
    expectAllClose(multiMarginLoss(f64(scores), i32(labels)), mean(reference(1)), TIGHT);
    expectAllClose(
      multiMarginLoss(f64(scores), i32(labels), { p: 2, reduction: 'none' }),
      reference(2),
      TIGHT,
    );
    expectAllClose(
      multiMarginLoss(f64(scores), i32(labels), { weight: f64([2, 1, 1, 3]), reduction: 'sum' }),
      total(reference(1, [2, 1, 1, 3])),
      TIGHT,
    );
    expect(() => multiMarginLoss(f64(scores), i32([4, 0]))).toThrow(ArgumentError);
    expect(() => multiMarginLoss(f64(scores), i32([[1]]))).toThrow(ShapeError);
  });
});
