import { expm1, gt, mul, ShapeError, type Tensor, tidy, where } from '@nagare/tensor';

/** SELU's α (Klambauer et al., 2017), fixed so activations converge to mean 0, variance 1. */
export const SELU_ALPHA = 1.6732632423543772;
/** SELU's scale λ (Klambauer et al., 2017). */
export const SELU_SCALE = 1.0507009873554805;

/**
 * x where x > 0, else α·(e^(s·x) − 1), the shared shape of ELU, SELU and CELU. The exponential is
 * taken of x masked to 0 on the positive side, so a large x cannot overflow (or NaN the gradient).
 * The mask is a `where`, not `minimum(x, 0)`: minimum splits a tie's gradient between its
 * operands, which gave half of PyTorch's derivative at x = 0. PyTorch takes the negative branch
 * at x = 0 (derivative α·s), and so does this.
 */
function exponentialUnit(x: Tensor, alpha: number, inputScale = 1): Tensor {
  const isPositive = gt(x, 0);
  const negative = where(isPositive, 0, x);
  const curve = mul(expm1(inputScale === 1 ? negative : mul(negative, inputScale)), alpha);
  return where(isPositive, x, curve);
}

/**
 * Leaky ReLU: x for x > 0, else `negativeSlope`·x (default 0.01), elementwise on any shape.
 *
 * @example
 * leakyRelu(tensor([-2, 3]), 0.1); // [-0.2, 3]
 */
export function leakyRelu(x: Tensor, negativeSlope = 0.01): Tensor {
  return tidy(() => where(gt(x, 0), x, mul(x, negativeSlope)));
}

/**
 * Parametric ReLU (He et al., 2015): x for x > 0, else w·x, with `weight` either one value (`[1]`,
 * shared) or one per channel (`[C]`, channels on axis 1, or axis 0 for a 1-D input).
 *
 * @example
 * prelu(tensor([[-1, 2], [-3, 4]]), tensor([0.1, 0.5])); // [[-0.1, 2], [-0.3, 4]]
 */
export function prelu(x: Tensor, weight: Tensor): Tensor {
  if (weight.rank !== 1)
    throw new ShapeError('prelu', 'weight must be 1-D: [1] or [channels]', {
      x: x.shape,
      weight: weight.shape,
    });
  const channelAxis = x.rank >= 2 ? 1 : 0;
  const channels = weight.shape[0];
  if (channels !== 1 && x.shape[channelAxis] !== channels) {
    throw new ShapeError(
      'prelu',
      `weight has ${channels} values but the input has ${x.shape[channelAxis]} channels on axis ${channelAxis}`,
      {
        x: x.shape,
        weight: weight.shape,
      },
    );
  }
  return tidy(() => {
    // [C] → [C, 1, …, 1] so it broadcasts over the axes after the channel axis.
    const trailing = Math.max(x.rank - channelAxis - 1, 0);
    const slope =
      channels === 1 ? weight : weight.reshape([channels, ...new Array<number>(trailing).fill(1)]);
    return where(gt(x, 0), x, mul(x, slope));
  });
}

/**
 * ELU (Clevert et al., 2016): x for x > 0, else α·(eˣ − 1) (default α = 1).
 *
 * @example
 * elu(tensor([-1, 2])); // [-0.632, 2]
 */
export function elu(x: Tensor, alpha = 1): Tensor {
  return tidy(() => exponentialUnit(x, alpha));
}

/**
 * SELU: λ·x for x > 0, else λ·α·(eˣ − 1), with α ≈ 1.6733 and λ ≈ 1.0507 (Klambauer et al., 2017).
 * With LeCun-normal weights it keeps activations near mean 0 and variance 1.
 *
 * @example
 * selu(tensor([-1, 1])); // [-1.1113, 1.0507]
 */
export function selu(x: Tensor): Tensor {
  return tidy(() => mul(exponentialUnit(x, SELU_ALPHA), SELU_SCALE));
}

/**
 * CELU (Barron, 2017): x for x > 0, else α·(e^(x/α) − 1); continuously differentiable for every α.
 *
 * @example
 * celu(tensor([-1, 1]), 2); // [-0.787, 1]
 */
export function celu(x: Tensor, alpha = 1): Tensor {
  return tidy(() => exponentialUnit(x, alpha, 1 / alpha));
}
