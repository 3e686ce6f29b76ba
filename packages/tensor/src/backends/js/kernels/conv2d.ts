import type { JsKernel } from '../kernel-types';
import { filtersTimesColumns } from './conv-gemm';
import { columnMatrix, convChunks, convGeometry, im2col } from './im2col';

/**
 * conv2d as im2col + GEMM per (image, group, chunk of output rows): y[o, :] = Σ_p w[o, p] · cols[p, :],
 * the matmul kernel's loop order, so the innermost loop runs over contiguous output positions.
 * Accumulates in float64.
 */
export const conv2dKernel: JsKernel<'conv2d'> = ([x, w], attrs, [y]) => {
  const g = convGeometry(x.shape, w.shape, y.shape, attrs);
  const { og, k, outH, outW } = g;
  const planeOut = outH * outW;
  const cols = columnMatrix(g);
  const acc = new Float64Array(4 * g.chunkRows * outW);
  for (const { rowStart, rowEnd, width, firstChannel, inputOffset, outputOffset } of convChunks(g)) {
    im2col(x.data, inputOffset, g, rowStart, rowEnd, cols);
    for (let oo = 0; oo < og; oo += 4) {
      const count = Math.min(4, og - oo);
      filtersTimesColumns(w.data, (firstChannel + oo) * k, k, count, cols, width, acc);
      for (let t = 0; t < count; t++) {
        y.data.set(acc.subarray(t * width, (t + 1) * width), outputOffset + (oo + t) * planeOut);
      }
    }
  }
};
