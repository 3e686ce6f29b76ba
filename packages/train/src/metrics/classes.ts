import { argmax, gt, isFloat, round, ShapeError, type Tensor } from '@nagare/tensor';

/** The number of classes an output `[N, C]` scores (2 for a single binary score `[N]` or `[N, 1]`). */
export function classCount(output: Tensor): number {
  const last = output.rank >= 2 ? output.shape[output.rank - 1] : 1;
  return last === 1 ? 2 : last;
}

/** True when `output` is one binary score per sample (`[N]` or `[N, 1]`). */
function isBinaryScore(output: Tensor): boolean {
  return output.rank === 1 || (output.rank === 2 && output.shape[1] === 1);
}

/**
 * The predicted class of each sample, on the backend, as int32 `[N]`: argmax over the last axis of
 * `[N, C]`, or `score > threshold` for a single binary score (`[N]`, `[N, 1]`; 0.5 suits probabilities).
 */
export function predictedClasses(op: string, output: Tensor, threshold = 0.5): Tensor {
  if (output.rank === 0 || output.rank > 2)
    throw new ShapeError(op, 'expected an output of shape [N, C], [N, 1] or [N]', { output: output.shape });
  return isBinaryScore(output)
    ? gt(output.reshape([output.shape[0]]), threshold).cast('int32')
    : argmax(output, -1);
}

/**
 * The true class of each sample, on the backend, as int32 `[N]`: class indices `[N]` (any numeric
 * dtype, rounded), one-hot or probability rows `[N, C]` (argmax), or binary labels `[N, 1]`.
 */
export function targetClasses(op: string, target: Tensor, samples: number): Tensor {
  const isRows = target.rank === 2 && target.shape[1] > 1;
  if (target.shape[0] !== samples || target.rank > 2 || (target.rank === 2 && target.shape[1] === 0)) {
    throw new ShapeError(op, `expected targets [${samples}] or [${samples}, C] for ${samples} outputs`, {
      target: target.shape,
    });
  }
  if (isRows) return argmax(target, -1);
  const flat = target.reshape([samples]);
  // Always a new tensor (cast copies), so the caller may free what this returns.
  return (isFloat(flat.dtype) ? round(flat) : flat).cast('int32');
}
