import { cast, div, eq, mul, reshape, sum, type Tensor } from '@nagare/tensor';
import { keptShape } from './kept-shape';

/** Sends dy to the elements of x equal to the reduced value y, split evenly between ties. */
export function routeToExtremes(dy: Tensor, x: Tensor, y: Tensor, axes: readonly number[]): Tensor {
  const kept = keptShape(x.shape, axes);
  const isExtreme = cast(eq(x, reshape(y, kept)), x.dtype);
  const share = div(isExtreme, sum(isExtreme, axes, { keepDims: true }));
  return mul(reshape(dy, kept), share);
}
