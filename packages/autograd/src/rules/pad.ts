import { type PadMode, scatterAdd, slice, tensor, zeros } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * Constant padding only adds constants, so the gradient is the middle block of dy. The other
 * modes copy input elements into the border: each output position reads one source position per
 * axis, so dy is scatter-added back along each padded axis in turn (the modes are separable).
 */
export const padGrad: GradRule<'pad'> = {
  backward: ({ dy, inputShapes: [shape], attrs: { pads, mode } }) => {
    if (mode === 'constant') {
      return [
        slice(
          dy,
          pads.map(([before]) => before),
          pads.map(([before], axis) => before + shape[axis]),
        ),
      ];
    }
    let g = dy;
    pads.forEach(([before, after], axis) => {
      if (before === 0 && after === 0) return;
      const length = shape[axis];
      const sources = Int32Array.from({ length: before + length + after }, (_, o) =>
        sourceIndex(o - before, length, mode),
      );
      const target = g.shape.map((d, a) => (a === axis ? length : d));
      g = scatterAdd(zeros(target, { dtype: g.dtype }), tensor(sources), g, axis);
    });
    return [g];
  },
};

/** The input index that padded position `i` (relative to the first input element) copies. */
export function sourceIndex(i: number, length: number, mode: PadMode): number {
  if (i >= 0 && i < length) return i;
  if (mode === 'edge') return i < 0 ? 0 : length - 1;
  if (mode === 'wrap') return ((i % length) + length) % length;
  // reflect mirrors around the edge elements without repeating them: period 2(length − 1).
  const period = 2 * (length - 1);
  const j = ((i % period) + period) % period;
  return j < length ? j : period - j;
}
