import { pad, type Shape, scatterAdd, type Tensor, tensor, zeros } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * A slice picks elements begin + i·step of each axis, so dy goes back to those positions and
 * every other element gets 0: zero padding for a step of 1, a scatterAdd for other steps.
 */
export const sliceGrad: GradRule<'slice'> = {
  backward: ({ dy, inputShapes: [shape], attrs }) => [unslice(dy, shape, attrs)],
};

function unslice(
  dy: Tensor,
  shape: Shape,
  { begin, step, size }: { begin: number[]; step: number[]; size: number[] },
): Tensor {
  if (size.some((n) => n === 0)) return zeros(shape, { dtype: dy.dtype });
  let g = dy;
  for (let axis = 0; axis < shape.length; axis++) {
    const length = shape[axis];
    if (size[axis] === length && step[axis] === 1) continue;
    if (step[axis] === 1) {
      const pads = shape.map((): [number, number] => [0, 0]);
      pads[axis] = [begin[axis], length - begin[axis] - size[axis]];
      g = pad(g, pads);
    } else {
      const positions = Int32Array.from({ length: size[axis] }, (_, i) => begin[axis] + i * step[axis]);
      const target = g.shape.map((d, a) => (a === axis ? length : d));
      g = scatterAdd(zeros(target, { dtype: g.dtype }), tensor(positions), g, axis);
    }
  }
  return g;
}
