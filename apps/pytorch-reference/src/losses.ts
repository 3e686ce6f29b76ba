// How nagare computes each loss of fixtures/losses.json, through the public API.
import * as nn from '@nagare/layers';
import { abs, logSoftmax, sub, sum, type Tensor } from '@nagare/tensor';

// biome-ignore lint/suspicious/noExplicitAny: the options come from JSON and are passed through as nagare's option objects.
type Options = Record<string, any>;

/** Each fixture op: nagare's loss of the case's inputs (in call order) and options. */
export const LOSSES: Record<string, (inputs: Tensor[], options: Options) => Tensor> = {
  mseLoss: ([x, y], o) => nn.mseLoss(x, y, o),
  l1Loss: ([x, y], o) => nn.l1Loss(x, y, o),
  huberLoss: ([x, y], o) => nn.huberLoss(x, y, o),
  smoothL1Loss: ([x, y], o) => nn.smoothL1Loss(x, y, o),
  crossEntropy: ([x, y], o) => nn.crossEntropy(x, y, o),
  nllLoss: ([x, y], o) => nn.nllLoss(x, y, o),
  binaryCrossEntropy: ([x, y], o) => nn.binaryCrossEntropy(x, y, o),
  binaryCrossEntropyWithLogits: ([x, y], o) => nn.binaryCrossEntropyWithLogits(x, y, o),
  klDiv: ([x, y], o) => nn.klDiv(x, y, o),
  multiMarginLoss: ([x, y], o) => nn.multiMarginLoss(x, y, o),
  poissonNllLoss: ([x, y], o) => nn.poissonNllLoss(x, y, o),
  gaussianNllLoss: ([x, y, variance], o) => nn.gaussianNllLoss(x, y, variance, o),
  marginRankingLoss: ([a, b, y], o) => nn.marginRankingLoss(a, b, y, o),
  hingeEmbeddingLoss: ([x, y], o) => nn.hingeEmbeddingLoss(x, y, o),
  cosineEmbeddingLoss: ([a, b, y], o) => nn.cosineEmbeddingLoss(a, b, y, o),
  tripletMarginLoss: ([a, p, n], o) => nn.tripletMarginLoss(a, p, n, o),
  // The fixture names its custom distance: "l1" is Σ|a − b| over the last axis.
  tripletMarginWithDistanceLoss: ([a, p, n], { distance, ...o }) =>
    nn.tripletMarginWithDistanceLoss(a, p, n, {
      ...o,
      distanceFunction: distance === 'l1' ? (x: Tensor, y: Tensor) => sum(abs(sub(x, y)), -1) : undefined,
    }),
  softMarginLoss: ([x, y], o) => nn.softMarginLoss(x, y, o),
  multiLabelSoftMarginLoss: ([x, y], o) => nn.multiLabelSoftMarginLoss(x, y, o),
  multilabelMarginLoss: ([x, y], o) => nn.multilabelMarginLoss(x, y, o),
  ctcLoss: ([logProbs, targets], o) => nn.ctcLoss(logProbs, targets, o.inputLengths, o.targetLengths, o),
  ctcLossOfLogits: ([logits, targets], o) =>
    nn.ctcLoss(logSoftmax(logits, 2), targets, o.inputLengths, o.targetLengths, o),
};
