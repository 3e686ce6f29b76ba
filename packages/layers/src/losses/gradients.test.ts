import '@nagare/autograd';
import { expectGradcheck } from '@nagare/autograd/testing';
import { tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { CLASS_WEIGHT, f64, i32, LABELS, LOGITS } from '../test-support/loss-inputs';
import { binaryCrossEntropy, binaryCrossEntropyWithLogits } from './binary';
import { crossEntropy } from './cross-entropy';
import { hingeLoss, multiMarginLoss } from './hinge';
import { klDiv } from './kl-div';
import { nllLoss } from './nll';
import { huberLoss, l1Loss, mseLoss } from './regression';

describeBackends('loss gradients (gradcheck)', () => {
  const x = () => f64([0.3, -1.2, 2.5, 0.9]);
  const y = () => f64([0.1, 0.4, 0.2, 2.0]);

  test('regression losses', () => {
    expectGradcheck((a, b) => mseLoss(a, b), [x(), y()]);
    expectGradcheck((a, b) => l1Loss(a, b, { reduction: 'sum' }), [x(), y()]);
    expectGradcheck((a, b) => huberLoss(a, b, { delta: 1, reduction: 'none' }), [x(), y()]);
  });

  test('crossEntropy (indices with weights, ignoreIndex and smoothing; probabilities) and nllLoss', () => {
    const weight = f64(CLASS_WEIGHT);
    expectGradcheck(
      (logits) => crossEntropy(logits, i32(LABELS), { weight, labelSmoothing: 0.1 }),
      [f64(LOGITS)],
    );
    expectGradcheck(
      (logits, w) => crossEntropy(logits, i32(LABELS), { weight: w, reduction: 'none' }),
      [f64(LOGITS), weight],
    );
    const probabilities = f64([
      [0.7, 0.1, 0.1, 0.1],
      [0, 0, 1, 0],
      [0.25, 0.25, 0.25, 0.25],
      [0, 0.5, 0.5, 0],
    ]);
    expectGradcheck(
      (logits, target) => crossEntropy(logits, target, { labelSmoothing: 0.2 }),
      [f64(LOGITS), probabilities],
    );
    expectGradcheck((logp) => nllLoss(logp, i32(LABELS), { weight }), [f64(LOGITS)]);
  });

  test('binary losses, klDiv, hinge and multiMarginLoss', () => {
    const p = f64([0.2, 0.7, 0.45, 0.9]);
    const t = f64([1, 0, 0.3, 1]);
    expectGradcheck((input, target) => binaryCrossEntropy(input, target), [p, t]);
    expectGradcheck(
      (input, target) => binaryCrossEntropyWithLogits(input, target, { posWeight: f64([2]) }),
      [x(), t],
    );
    expectGradcheck(
      (input, target) => klDiv(input, target, { reduction: 'batchmean' }),
      [f64([[-0.5, -1.2, -2]]), f64([[0.5, 0.3, 0.2]])],
    );
    expectGradcheck((input) => hingeLoss(input, f64([1, -1, 1, -1])), [x()]);
    expectGradcheck((input) => multiMarginLoss(input, i32([3, 0, 1, 2]), { p: 2 }), [f64(LOGITS)]);
  });

  test('binaryCrossEntropy of saturated probabilities has finite gradients', () => {
    const p = tensor([0, 1, 1, 0], { requiresGrad: true });
    binaryCrossEntropy(p, tensor([1, 0, 1, 0])).backward();
    expect(Array.from(p.grad!.dataSync()).every(Number.isFinite)).toBe(true);
  });
});
