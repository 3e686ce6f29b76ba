import type { JsKernel } from '../kernel-types';

/**
 * Sorts each line along `axis` by (value, index) and keeps the first k: ties go to the lower
 * index, NaN ranks above every number. One index buffer serves every line.
 */
export const topkKernel: JsKernel<'topk'> = ([x], { k, axis, largest }, [values, indices]) => {
  const n = x.shape[axis];
  let inner = 1;
  for (let i = axis + 1; i < x.shape.length; i++) inner *= x.shape[i];
  const outer = x.data.length / (n * inner);
  const X = x.data;
  const order = new Int32Array(n);
  let base = 0;
  // Negative when position a ranks before position b.
  const compare = (a: number, b: number): number => {
    const va = X[base + a * inner];
    const vb = X[base + b * inner];
    if (va === vb) return a - b;
    const isNaNa = Number.isNaN(va);
    const isNaNb = Number.isNaN(vb);
    if (isNaNa && isNaNb) return a - b;
    const isAbove = isNaNa || (!isNaNb && va > vb);
    return isAbove === largest ? -1 : 1;
  };
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      base = o * n * inner + i;
      for (let t = 0; t < n; t++) order[t] = t;
      order.sort(compare);
      const outBase = o * k * inner + i;
      for (let t = 0; t < k; t++) {
        values.data[outBase + t * inner] = X[base + order[t] * inner];
        indices.data[outBase + t * inner] = order[t];
      }
    }
  }
};
