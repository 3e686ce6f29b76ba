import {
  ArgumentError,
  add,
  DTypeError,
  div,
  isFloat,
  logSoftmax,
  mul,
  neg,
  ShapeError,
  shapesEqual,
  sum,
  type Tensor,
  tidy,
} from '@nagare/tensor';
import { checkClassTargets, classAxis, classShaped } from './class-targets';
import { classIndexLoss, type NllLossOptions } from './nll';
import { checkReduction, type Reduction } from './reduction';

/** Options of `crossEntropy`, as PyTorch's `cross_entropy`. */
export interface CrossEntropyOptions extends NllLossOptions {
  /** Mix the target with the uniform distribution: (1 − ε)·target + ε/C (default 0). */
  labelSmoothing?: number;
}

function fromProbabilities(
  logProbs: Tensor,
  target: Tensor,
  weight: Tensor | undefined,
  reduction: Reduction,
  smoothing: number,
): Tensor {
  const axis = classAxis(logProbs);
  const classes = logProbs.shape[axis];
  const smoothed = smoothing > 0 ? add(mul(target, 1 - smoothing), smoothing / classes) : target;
  let terms = mul(logProbs, smoothed);
  if (weight) terms = mul(terms, classShaped(weight, logProbs));
  const perSample = neg(sum(terms, axis));
  if (reduction === 'none') return perSample;
  const total = sum(perSample);
  // As PyTorch: the mean is over samples (every position but the class axis), whatever the weights.
  return reduction === 'sum' ? total : div(total, logProbs.size / classes);
}

/**
 * Cross-entropy between logits and targets, computed stably through log-softmax (log-sum-exp),
 * with PyTorch's `cross_entropy` semantics. `input` is logits `[N, C]` (or `[N, C, d…]`, or
 * `[C]`); `target` is either int32 class indices `[N]` (or `[N, d…]`) — with `ignoreIndex` and
 * class `weight` — or class probabilities with the input's shape. `labelSmoothing` ε mixes the
 * target with the uniform distribution. Reductions: `mean` (default; weighted mean for indices,
 * mean over samples for probabilities), `sum`, `none`.
 *
 * @example
 * crossEntropy(logits, tensor([3, 0, 9], { dtype: 'int32' }));       // logits [3, 10]
 * crossEntropy(logits, labels, { labelSmoothing: 0.1, ignoreIndex: -1 });
 * crossEntropy(logits, softTargets);                                   // probabilities [3, 10]
 */
export function crossEntropy(input: Tensor, target: Tensor, options: CrossEntropyOptions = {}): Tensor {
  const { weight, ignoreIndex = -100, reduction = 'mean', labelSmoothing = 0 } = options;
  checkReduction('crossEntropy', reduction);
  if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
    throw new ArgumentError('crossEntropy', `labelSmoothing must be in [0, 1], got ${labelSmoothing}`);
  }
  if (input.rank === 0)
    throw new ShapeError('crossEntropy', 'input must be [N, C, ...] or [C]', { input: input.shape });
  if (!isFloat(input.dtype))
    throw new DTypeError('crossEntropy', 'input must be float logits', { input: input.dtype });
  if (isFloat(target.dtype)) {
    if (!shapesEqual(input.shape, target.shape)) {
      throw new ShapeError('crossEntropy', 'probability targets must have the input shape', {
        input: input.shape,
        target: target.shape,
      });
    }
    const classes = input.shape[classAxis(input)];
    if (weight && (weight.rank !== 1 || weight.shape[0] !== classes)) {
      throw new ShapeError('crossEntropy', `weight must have one value per class, [${classes}]`, {
        input: input.shape,
        weight: weight.shape,
      });
    }
    return tidy(() =>
      fromProbabilities(logSoftmax(input, classAxis(input)), target, weight, reduction, labelSmoothing),
    );
  }
  const values = checkClassTargets('crossEntropy', input, target, ignoreIndex, weight);
  return tidy(() =>
    classIndexLoss(
      logSoftmax(input, classAxis(input)),
      target,
      { weight, ignoreIndex, reduction },
      labelSmoothing,
      values,
    ),
  );
}
