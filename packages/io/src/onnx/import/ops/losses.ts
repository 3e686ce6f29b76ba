import { crossEntropy, nllLoss } from '@nagare/layers';
import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

// Without ignore_index every target counts; nagare's default (−100, as PyTorch) could collide.
const NO_IGNORE = -(2 ** 31);

function lossOptions(c: OnnxOpContext) {
  const reduction = c.string('reduction', 'mean');
  if (reduction !== 'mean' && reduction !== 'sum' && reduction !== 'none')
    c.unsupported(`reduction "${reduction}"`);
  return { weight: c.optionalInput(2), ignoreIndex: c.int('ignore_index', NO_IGNORE), reduction } as const;
}

/** NegativeLogLikelihoodLoss → @nagare/layers' nllLoss (input [N, C, d…], int targets [N, d…]). */
const nll = (c: OnnxOpContext): Tensor[] => [nllLoss(c.input(0), c.input(1), lossOptions(c))];

/** SoftmaxCrossEntropyLoss → crossEntropy on the scores; the optional second output is log-softmax over C. */
const softmaxCrossEntropy = (c: OnnxOpContext): Tensor[] => {
  const scores = c.input(0);
  return [crossEntropy(scores, c.input(1), lossOptions(c)), nt.logSoftmax(scores, 1)];
};

/** NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss through @nagare/layers. */
export const lossOps: OnnxOpTable = {
  NegativeLogLikelihoodLoss: nll,
  SoftmaxCrossEntropyLoss: softmaxCrossEntropy,
};
