import type { JsKernel } from '../kernel-types';
import { filtersTimesColumns } from './conv-gemm';
import { convGeometry, im2col } from './im2col';

/**
 * conv2d as im2col + GEMM per (image, group, chunk of output rows): y[o, :] = Σ_p w[o, p] · cols[p, :],
 * the matmul kernel's loop order, so the innermost loop runs over contiguous output positions.
 * Accumulates in float64.
 */
export const conv2dKernel: JsKernel<'conv2d'> = ([x, w], attrs, [y]) => {
  const g = convGeometry(x.shape, w.shape, y.shape, attrs);
  const { n, c, h, o, og, k, outH, outW, chunkRows } = g;
  const planeOut = outH * outW;
  const cols = new Float64Array(k * chunkRows * outW);
  const acc = new Float64Array(4 * chunkRows * outW);
  for (let image = 0; image < n; image++) {
    for (let group = 0; group < g.groups; group++) {
      const xOffset = (image * c + group * g.cg) * h * g.w;
      for (let rowStart = 0; rowStart < outH; rowStart += chunkRows) {
        const rowEnd = Math.min(outH, rowStart + chunkRows);
        const width = (rowEnd - rowStart) * outW;
        im2col(x.data, xOffset, g, rowStart, rowEnd, cols);
        for (let oo = 0; oo < og; oo += 4) {
          const channel = group * og + oo;
          const count = Math.min(4, og - oo);
          filtersTimesColumns(w.data, channel * k, k, count, cols, width, acc);
          for (let t = 0; t < count; t++) {
            const yBase = (image * o + channel + t) * planeOut + rowStart * outW;
            y.data.set(acc.subarray(t * width, (t + 1) * width), yBase);
          }
        }
      }
    }
  }
};
