import {
  mul,
  neg,
  normalizeAxis,
  ShapeError,
  sigmoid,
  softmax,
  split,
  type Tensor,
  tidy,
} from '@nagare/tensor';

/**
 * Softmin softmax(−x) along `axis` (default −1): the smallest entries get the largest weights.
 *
 * @example
 * softmin(tensor([0, Math.log(3)])); // [0.75, 0.25]
 */
export function softmin(x: Tensor, axis = -1): Tensor {
  const normalized = normalizeAxis('softmin', axis, x.rank);
  return tidy(() => softmax(neg(x), normalized));
}

/**
 * Gated linear unit (Dauphin et al., 2017), as PyTorch's `glu`: splits `axis` (default −1) into
 * halves a and b and returns a·σ(b), so `[…, 2n, …]` becomes `[…, n, …]`.
 *
 * @example
 * glu(tensor([[1, 2, 0, 0]])); // [[0.5, 1]]
 */
export function glu(x: Tensor, axis = -1): Tensor {
  const normalized = normalizeAxis('glu', axis, x.rank);
  const length = x.shape[normalized];
  if (length % 2 !== 0) {
    throw new ShapeError(
      'glu',
      `axis ${normalized} has odd length ${length}; it must split into two halves`,
      {
        x: x.shape,
      },
    );
  }
  return tidy(() => {
    const [a, b] = split(x, 2, normalized);
    return mul(a, sigmoid(b));
  });
}
