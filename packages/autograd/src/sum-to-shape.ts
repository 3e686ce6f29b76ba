import {
  cast,
  type DType,
  reshape,
  type Shape,
  ShapeError,
  shapesEqual,
  sizeOf,
  sum,
  type Tensor,
} from '@nagare/tensor';

/**
 * Sums a gradient computed at a broadcast shape back to the shape of the input it belongs to
 * (the adjoint of broadcasting): leading axes and axes the input had with length 1 are summed.
 */
export function sumToShape(g: Tensor, shape: Shape, op: string): Tensor {
  if (shapesEqual(g.shape, shape)) return g;
  const lead = g.rank - shape.length;
  const axes: number[] = [];
  for (let axis = 0; axis < g.rank; axis++) {
    if (axis < lead || (shape[axis - lead] === 1 && g.shape[axis] !== 1)) axes.push(axis);
  }
  // Summing only the leading axes (a bias broadcast over the batch) gives the input's shape as is:
  // no keepDims and no reshape view.
  if (lead >= 0 && axes.length === lead && shapesEqual(g.shape.slice(lead), shape)) {
    return sum(g, axes);
  }
  const reduced = axes.length > 0 ? sum(g, axes, { keepDims: true }) : g;
  if (lead < 0 || sizeOf(reduced.shape) !== sizeOf(shape)) {
    throw new ShapeError(
      `${op} gradient`,
      'the rule returned a gradient that does not broadcast to its input',
      {
        gradient: g.shape,
        input: shape,
      },
    );
  }
  return reshape(reduced, shape);
}

/** Fits a rule's gradient to its input: sums broadcast axes away and casts to the input's dtype. */
export function fitToInput(g: Tensor, shape: Shape, dtype: DType, op: string): Tensor {
  const summed = sumToShape(g, shape, op);
  return summed.dtype === dtype ? summed : cast(summed, dtype);
}
