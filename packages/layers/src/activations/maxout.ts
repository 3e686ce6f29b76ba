import { ArgumentError, max, normalizeAxis, ShapeError, type Tensor, tidy } from '@nagare/tensor';

/**
 * Maxout (Goodfellow et al., 2013): the maximum over each group of `k` consecutive features along
 * `axis` (default 1, the feature/channel axis), so `[N, C·k]` becomes `[N, C]`. A Linear layer with
 * k·m outputs followed by maxout(k) is a maxout unit with m outputs.
 *
 * @example
 * maxout(tensor([[1, 5, 2, 0]]), 2); // [[5, 2]]
 */
export function maxout(x: Tensor, k: number, options: { axis?: number } = {}): Tensor {
  if (!Number.isInteger(k) || k < 1)
    throw new ArgumentError('maxout', `k must be a positive integer, got ${k}`);
  const axis = normalizeAxis('maxout', options.axis ?? 1, x.rank);
  const features = x.shape[axis];
  if (features % k !== 0) {
    throw new ShapeError('maxout', `axis ${axis} has ${features} features, not a multiple of k = ${k}`, {
      x: x.shape,
    });
  }
  return tidy(() => {
    const grouped = x.reshape([...x.shape.slice(0, axis), features / k, k, ...x.shape.slice(axis + 1)]);
    return max(grouped, axis + 1);
  });
}
