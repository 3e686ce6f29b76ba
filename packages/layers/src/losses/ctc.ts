import {
  add,
  arange,
  concat,
  detach,
  div,
  exp,
  full,
  gather,
  gt,
  log,
  maximum,
  mean,
  neg,
  slice,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
  where,
} from '@nagare/tensor';
import { type CtcPlan, planCtc } from './ctc-targets';
import { checkReduction, type Reduction } from './reduction';

/** Options of `ctcLoss`, as PyTorch's `ctc_loss`. */
export interface CtcLossOptions {
  /** The blank class (default 0). */
  blank?: number;
  /** `'mean'` (default: each loss divided by its target length, then averaged), `'sum'` or `'none'`. */
  reduction?: Reduction;
  /** Report impossible alignments (input too short for its target) as 0 instead of Infinity (default false). */
  zeroInfinity?: boolean;
}

// A finite stand-in for log 0: −Infinity would make max-shifted log-sum-exp compute −∞ − (−∞) = NaN
// for states no path has reached yet. Its exp underflows to 0, so it never adds probability.
const LOG_ZERO = -1e30;
// A loss this large means no alignment exists (every path went through LOG_ZERO).
const IMPOSSIBLE = 1e29;

/** log(eᵃ + eᵇ + eᶜ), shifted by the (constant) largest so nothing overflows. */
function logSumExp3(a: Tensor, b: Tensor, c: Tensor): Tensor {
  const shift = detach(maximum(maximum(a, b), c));
  return add(shift, log(add(add(exp(sub(a, shift)), exp(sub(b, shift))), exp(sub(c, shift)))));
}

/** Each sample's log-likelihood log p(target | input) by the forward (α) recursion in log space. */
function logLikelihood(logProbs: Tensor, plan: CtcPlan): Tensor {
  const { steps, batch, classes, states, inputLengths, targetLengths } = plan;
  // Emission of every extended state at every step: logProbs[t, n, label(n, s)] → [T, N, S'].
  const positions = new Int32Array(batch * states);
  for (let i = 0; i < positions.length; i++)
    positions[i] = Math.floor(i / states) * classes + plan.extendedLabels[i];
  const emissions = gather(
    logProbs.reshape([steps, batch * classes]),
    tensor(positions, { dtype: 'int32' }),
    1,
  ).reshape([steps, batch, states]);
  const dtype = logProbs.dtype;
  const stateIndex = arange(states).reshape([1, states]);
  const canSkip = gt(tensor(plan.skipAllowed, { dtype }).reshape([batch, states]), 0);
  const emissionAt = (t: number) =>
    slice(emissions, [t, 0, 0], [t + 1, batch, states]).reshape([batch, states]);
  const padding = (width: number) => full([batch, width], LOG_ZERO, { dtype });
  // A path starts in the leading blank or the first label.
  let alpha = where(gt(stateIndex, 1), LOG_ZERO, emissionAt(0));
  const isRunning = (t: number) =>
    gt(
      tensor(
        inputLengths.map((length) => (t < length ? 1 : 0)),
        { dtype },
      ).reshape([batch, 1]),
      0,
    );
  for (let t = 1; t < steps; t++) {
    const fromPrevious = concat([padding(1), slice(alpha, [0, 0], [batch, states - 1])], 1);
    const fromSkip =
      states > 2
        ? where(canSkip, concat([padding(2), slice(alpha, [0, 0], [batch, states - 2])], 1), LOG_ZERO)
        : padding(states);
    const next = add(logSumExp3(alpha, fromPrevious, fromSkip), emissionAt(t));
    // A sample whose input has ended keeps its last α.
    alpha = where(isRunning(t), next, alpha);
  }
  // A path ends in the last label or the trailing blank: states 2Sₙ and 2Sₙ − 1.
  const last = targetLengths.map((length, n) => n * states + 2 * length);
  const beforeLast = targetLengths.map((length, n) => (length > 0 ? n * states + 2 * length - 1 : -1));
  const flat = concat([alpha.reshape([batch * states]), full([1], LOG_ZERO, { dtype })]);
  const pick = (indices: number[]) =>
    gather(
      flat,
      tensor(
        indices.map((i) => (i < 0 ? batch * states : i)),
        { dtype: 'int32' },
      ),
    );
  const ends = [pick(last), pick(beforeLast)];
  const shift = detach(maximum(ends[0], ends[1]));
  return add(shift, log(add(exp(sub(ends[0], shift)), exp(sub(ends[1], shift)))));
}

/**
 * Connectionist temporal classification loss (Graves et al., 2006), as PyTorch's `ctc_loss`:
 * −log p(target | input), summed over every alignment of the target to the input steps by the
 * forward recursion in log space. `logProbs` is `[T, N, C]` log-softmax output; `targets` int32
 * class indices, padded `[N, S]` or concatenated 1-D; `inputLengths` and `targetLengths` give each
 * sample's lengths (arrays or tensors). The gradient is autograd's, through the recursion.
 *
 * @example
 * const logProbs = logSoftmax(randn([50, 4, 20]), 2); // T = 50, N = 4, C = 20 (blank 0)
 * ctcLoss(logProbs, targets, [50, 50, 40, 30], [10, 8, 12, 5]);
 */
export function ctcLoss(
  logProbs: Tensor,
  targets: Tensor,
  inputLengths: readonly number[] | Tensor,
  targetLengths: readonly number[] | Tensor,
  options: CtcLossOptions = {},
): Tensor {
  const { blank = 0, reduction = 'mean', zeroInfinity = false } = options;
  checkReduction('ctcLoss', reduction);
  const plan = planCtc('ctcLoss', logProbs, targets, inputLengths, targetLengths, blank);
  return tidy(() => {
    const raw = neg(logLikelihood(logProbs, plan));
    const isImpossible = gt(raw, IMPOSSIBLE);
    const losses = where(isImpossible, zeroInfinity ? 0 : Number.POSITIVE_INFINITY, raw);
    if (reduction === 'none') return losses;
    if (reduction === 'sum') return sum(losses);
    const lengths = tensor(
      plan.targetLengths.map((length) => Math.max(length, 1)),
      { dtype: logProbs.dtype },
    );
    return mean(div(losses, lengths));
  });
}
