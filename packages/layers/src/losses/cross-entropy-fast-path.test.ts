import '@nagare/autograd';
import { ones, randint, randn, type Tensor, tidy } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { crossEntropy } from './cross-entropy';
import { nllLoss } from './nll';

// Unit class weights take the masked path (gather the weights, multiply, sum them); without
// weights and ignored targets the loss picks entries directly. Both must agree to the bit.
function lossAndGrad(loss: (x: Tensor) => Tensor, logits: Tensor): [Float32Array, Float32Array] {
  return tidy(() => {
    const x = logits.clone().requiresGrad_();
    const value = loss(x);
    value.sum().backward();
    return [value.dataSync() as Float32Array, x.grad!.dataSync() as Float32Array];
  });
}

describeBackends('crossEntropy without weights or ignored targets', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    for (const labelSmoothing of [0, 0.1]) {
      test(`gives the masked path's loss and gradient bit for bit (${reduction}, ε ${labelSmoothing})`, () => {
        const logits = randn([32, 5], { seed: 11 });
        const labels = randint(0, 5, [32], { seed: 12 });
        const unit = ones([5]);
        const fast = lossAndGrad((x) => crossEntropy(x, labels, { reduction, labelSmoothing }), logits);
        const masked = lossAndGrad(
          (x) => crossEntropy(x, labels, { reduction, labelSmoothing, weight: unit }),
          logits,
        );
        expect(fast[0]).toEqual(masked[0]);
        expect(fast[1]).toEqual(masked[1]);
      });
    }
  }

  test('nllLoss on [N, C, d] inputs matches the masked path bit for bit', () => {
    const spatial = randn([4, 3, 6], { seed: 13 });
    const targets = randint(0, 3, [4, 6], { seed: 14 });
    const fast = lossAndGrad((x) => nllLoss(x, targets), spatial);
    const masked = lossAndGrad((x) => nllLoss(x, targets, { weight: ones([3]) }), spatial);
    expect(fast[0]).toEqual(masked[0]);
    expect(fast[1]).toEqual(masked[1]);
  });
});
