import '@nagare/autograd';
import { expectGradcheck } from '@nagare/autograd/testing';
import { ArgumentError, DTypeError, logSoftmax, ShapeError, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { f64, i32 } from '../test-support/loss-inputs';
import { ctcLoss } from './ctc';

// Two steps, classes {blank 0, 1, 2}: probabilities per step, as [T, N = 1, C].
const P = [
  [0.5, 0.3, 0.2],
  [0.1, 0.6, 0.3],
];
const logP = () => f64(P.map((row) => [row.map(Math.log)]));

describeBackends('ctcLoss', () => {
  test('sums every alignment: target [1] over two steps is 1 1, blank 1 or 1 blank', () => {
    const p = P[0][1] * P[1][1] + P[0][0] * P[1][1] + P[0][1] * P[1][0];
    expectAllClose(ctcLoss(logP(), i32([[1]]), [2], [1], { reduction: 'sum' }), -Math.log(p), {
      rtol: 1e-12,
    });
    // A repeated label needs a blank between: [1, 1] over two steps is impossible.
    expect(ctcLoss(logP(), i32([[1, 1]]), [2], [2], { reduction: 'none' }).toArray()).toEqual([Infinity]);
    expect(ctcLoss(logP(), i32([[1, 1]]), [2], [2], { zeroInfinity: true }).item()).toBe(0);
    // Distinct labels may follow each other directly: [1, 2] has the single path 1 2.
    expectAllClose(
      ctcLoss(logP(), i32([1, 2]), [2], [2], { reduction: 'sum' }),
      -Math.log(P[0][1] * P[1][2]),
      {
        rtol: 1e-12,
      },
    );
    // An empty target is the all-blank path; 'mean' divides by max(length, 1).
    expectAllClose(ctcLoss(logP(), i32([[0]]), [2], [0]), -Math.log(P[0][0] * P[1][0]), { rtol: 1e-12 });
  });

  test('mean divides each loss by its target length; shorter inputs stop early', () => {
    const logits = f64([
      [
        [0.1, 1.2, -0.3],
        [0.5, -1, 2],
      ],
      [
        [1.5, 0.2, 0.1],
        [-0.5, 0.3, 0.9],
      ],
      [
        [0.3, 0.3, -2],
        [0.7, 0.1, -0.4],
      ],
    ]);
    const targets = i32([
      [1, 2],
      [2, 0],
    ]);
    const none = ctcLoss(logSoftmax(logits, 2), targets, [3, 2], [2, 1], {
      reduction: 'none',
    }).toArray() as number[];
    expectAllClose(ctcLoss(logSoftmax(logits, 2), targets, [3, 2], [2, 1]), (none[0] / 2 + none[1] / 1) / 2, {
      rtol: 1e-12,
    });
    expectGradcheck((x) => ctcLoss(logSoftmax(x, 2), targets, [3, 2], [2, 1]), [logits]);
  });

  test('rejects bad shapes, dtypes, lengths and labels before computing', () => {
    expect(() => ctcLoss(f64([[1, 2]]), i32([[1]]), [1], [1])).toThrow(ShapeError);
    expect(() => ctcLoss(logP(), tensor([[1]]), [2], [1])).toThrow(DTypeError);
    expect(() => ctcLoss(logP(), i32([[1]]), [3], [1])).toThrow(ArgumentError);
    expect(() => ctcLoss(logP(), i32([[0]]), [2], [1])).toThrow(ArgumentError);
    expect(() => ctcLoss(logP(), i32([[1]]), [2], [2])).toThrow(ArgumentError);
    expect(() => ctcLoss(logP(), i32([[1]]), [2, 2], [1])).toThrow(ShapeError);
    expect(() => ctcLoss(logP(), i32([[1]]), [2], [1], { blank: 3 })).toThrow(ArgumentError);
  });
});
