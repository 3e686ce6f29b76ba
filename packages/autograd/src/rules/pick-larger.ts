import { add, cast, eq, gt, mul, type Tensor } from '@nagare/tensor';

/** Routes dy to the larger of a and b, half to each at ties: the gradient of maximum(a, b). */
export function pickLarger(
  dy: Tensor,
  a: Tensor,
  b: Tensor,
  needsGrad: readonly boolean[],
): (Tensor | null)[] {
  const half = mul(cast(eq(a, b), dy.dtype), 0.5);
  return [
    needsGrad[0] ? mul(dy, add(cast(gt(a, b), dy.dtype), half)) : null,
    needsGrad[1] ? mul(dy, add(cast(gt(b, a), dy.dtype), half)) : null,
  ];
}
