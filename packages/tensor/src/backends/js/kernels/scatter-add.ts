import type { JsKernel } from '../kernel-types';
import { splitAround } from './gather';

export const scatterAddKernel: JsKernel<'scatterAdd'> = ([x, indices, updates], { axis }, [y]) => {
  const { outer, length, inner } = splitAround(x.shape, axis);
  const count = indices.data.length;
  const out = y.data;
  out.set(x.data);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < count; j++) {
      const raw = indices.data[j];
      const row = raw < 0 ? raw + length : raw;
      // Validated by the op; skipped here so a direct runOp call cannot write out of bounds.
      if (row < 0 || row >= length) continue;
      const target = (o * length + row) * inner;
      const source = (o * count + j) * inner;
      for (let i = 0; i < inner; i++) out[target + i] += updates.data[source + i];
    }
  }
};
