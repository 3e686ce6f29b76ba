import type { JsKernel } from '../kernel-types';

/**
 * Running sums along `axis`, kept for a whole row of the inner axes at once so the inner loop is
 * contiguous. Accumulates in float64; int32 outputs wrap on store, as int32 addition does.
 */
export const cumsumKernel: JsKernel<'cumsum'> = ([x], { axis, exclusive, reverse }, [y]) => {
  const n = x.shape[axis];
  let inner = 1;
  for (let i = axis + 1; i < x.shape.length; i++) inner *= x.shape[i];
  const outer = x.data.length / (n * inner);
  const X = x.data;
  const Y = y.data;
  const acc = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    acc.fill(0);
    for (let t = 0; t < n; t++) {
      const base = (o * n + (reverse ? n - 1 - t : t)) * inner;
      for (let i = 0; i < inner; i++) {
        if (exclusive) {
          Y[base + i] = acc[i];
          acc[i] += X[base + i];
        } else {
          acc[i] += X[base + i];
          Y[base + i] = acc[i];
        }
      }
    }
  }
};
