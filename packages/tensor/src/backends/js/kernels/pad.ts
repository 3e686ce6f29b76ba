import type { PadMode } from '../../../op-attrs';
import { stridesOf } from '../../../shape';
import type { JsKernel } from '../kernel-types';

/** The source coordinate of output position `i` along an axis of length `dim`, or −1 for the fill value. */
function sourceIndex(mode: PadMode, i: number, before: number, dim: number): number {
  const j = i - before;
  if (j >= 0 && j < dim) return j;
  switch (mode) {
    case 'reflect':
      return j < 0 ? -j : 2 * (dim - 1) - j;
    case 'edge':
      return j < 0 ? 0 : dim - 1;
    case 'wrap':
      return ((j % dim) + dim) % dim;
    default:
      return -1;
  }
}

export const padKernel: JsKernel<'pad'> = ([x], { pads, mode, value }, [y]) => {
  const rank = y.shape.length;
  if (rank === 0) {
    y.data[0] = x.data[0];
    return;
  }
  const inStrides = stridesOf(x.shape);
  const outStrides = stridesOf(y.shape);
  const maps = y.shape.map((length, a) =>
    Int32Array.from({ length }, (_, i) => sourceIndex(mode, i, pads[a][0], x.shape[a])),
  );
  const out = y.data;
  // Walks the output axis by axis; a fill position on an outer axis fills its whole block at once.
  const fill = (axis: number, inOffset: number, outOffset: number): void => {
    const map = maps[axis];
    if (axis === rank - 1) {
      for (let i = 0; i < map.length; i++)
        out[outOffset + i] = map[i] < 0 ? value : x.data[inOffset + map[i]];
      return;
    }
    for (let i = 0; i < map.length; i++) {
      const target = outOffset + i * outStrides[axis];
      if (map[i] < 0) out.fill(value, target, target + outStrides[axis]);
      else fill(axis + 1, inOffset + map[i] * inStrides[axis], target);
    }
  };
  fill(0, 0, 0);
};
