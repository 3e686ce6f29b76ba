import {
  ArgumentError,
  add,
  checkedElementCount,
  cumsum,
  type DType,
  DTypeError,
  eq,
  mul,
  oneHot,
  relu,
  ShapeError,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
  where,
} from '@nagare/tensor';
import { checkReduction, type ReductionOptions, reduceLoss } from './reduction';

/**
 * For each sample, how often each class is listed as a target (before the first −1) and, per
 * (target j, other i) pair, the count of j times whether i is a non-target: `[N, C, C]`.
 */
function pairWeights(op: string, target: Tensor, batch: number, classes: number): Float64Array {
  const values = target.dataSync();
  const weights = new Float64Array(checkedElementCount(op, [batch, classes, classes]));
  const counts = new Float64Array(classes);
  for (let n = 0; n < batch; n++) {
    counts.fill(0);
    for (let k = 0; k < classes; k++) {
      const label = values[n * classes + k];
      if (label === -1) break;
      if (!Number.isInteger(label) || label < 0 || label >= classes)
        throw new ArgumentError(op, `target ${label} of sample ${n} is out of range for ${classes} classes`);
      counts[label] += 1;
    }
    for (let j = 0; j < classes; j++) {
      for (let i = 0; i < classes; i++) {
        if (counts[i] === 0) weights[(n * classes + j) * classes + i] = counts[j];
      }
    }
  }
  return weights;
}

/**
 * `pairWeights` computed on the backend, for backends that read only asynchronously (WebGPU):
 * the same counts without a host read, and without the target range check that needs one.
 */
function pairWeightsOnDevice(target: Tensor, batch: number, classes: number, dtype: DType): Tensor {
  const labels = target.reshape([batch, classes]);
  // A label counts while no −1 has been seen in its row so far.
  const isListed = eq(cumsum(eq(labels, -1).cast('int32'), 1), 0);
  const hits = mul(
    oneHot(where(isListed, labels, 0), classes).cast(dtype),
    isListed.cast(dtype).reshape([batch, classes, 1]),
  );
  const counts = sum(hits, 1);
  const isOther = eq(counts, 0).cast(dtype);
  return mul(counts.reshape([batch, classes, 1]), isOther.reshape([batch, 1, classes]));
}

/**
 * Multi-label hinge loss, as PyTorch's `multilabel_margin_loss`: for scores x `[N, C]` (or `[C]`)
 * and int32 targets y of the same shape listing each sample's classes up to the first −1,
 * Σ_{j ∈ y} Σ_{i ∉ y} max(0, 1 − (x[j] − x[i])) / C per sample.
 *
 * @example
 * multilabelMarginLoss(tensor([[0.1, 0.2, 0.4, 0.8]]), tensor([[3, 0, -1, 1]], { dtype: 'int32' })); // 0.85
 */
export function multilabelMarginLoss(input: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  const reduction = options.reduction ?? 'mean';
  checkReduction('multilabelMarginLoss', reduction);
  if ((input.rank !== 1 && input.rank !== 2) || target.shape.join() !== input.shape.join()) {
    throw new ShapeError('multilabelMarginLoss', 'input and target must both be [N, C] or [C]', {
      input: input.shape,
      target: target.shape,
    });
  }
  if (target.dtype !== 'int32')
    throw new DTypeError('multilabelMarginLoss', 'target must be int32', { target: target.dtype });
  const classes = input.shape[input.rank - 1];
  const batch = input.rank === 2 ? input.shape[0] : 1;
  const isHostRead = !target.storage.backend.readsAsyncOnly;
  const weights = isHostRead ? pairWeights('multilabelMarginLoss', target, batch, classes) : null;
  return tidy(() => {
    const scores = input.reshape([batch, classes]);
    // hinge[n, j, i] = max(0, 1 − x[n, j] + x[n, i]) for target j against non-target i.
    const hinge = relu(add(sub(1, scores.reshape([batch, classes, 1])), scores.reshape([batch, 1, classes])));
    const pairs = weights
      ? tensor(weights, { dtype: input.dtype }).reshape([batch, classes, classes])
      : pairWeightsOnDevice(target, batch, classes, input.dtype);
    let perSample = mul(sum(mul(hinge, pairs), [1, 2]), 1 / classes);
    if (input.rank === 1) perSample = perSample.reshape([]);
    return reduceLoss('multilabelMarginLoss', perSample, reduction);
  });
}
