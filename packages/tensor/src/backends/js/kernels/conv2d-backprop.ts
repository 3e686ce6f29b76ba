import type { JsKernel } from '../kernel-types';
import { filtersTransposedTimesGradient, gradientTimesColumns } from './conv-gemm';
import { col2im, convGeometry, im2col } from './im2col';

/**
 * dx = col2im(wᵀ · dy) per (image, group, chunk of output rows): the transpose of the forward GEMM,
 * scattered back onto the input positions each column was read from. Accumulates in float64.
 */
export const conv2dBackpropInputKernel: JsKernel<'conv2dBackpropInput'> = ([dy, w], attrs, [dx]) => {
  const g = convGeometry(dx.shape, w.shape, dy.shape, attrs);
  const { n, c, h, o, og, k, outH, outW, chunkRows } = g;
  const planeOut = outH * outW;
  const columns = new Float64Array(k * chunkRows * outW);
  const groupGrad = new Float64Array(g.cg * h * g.w);
  for (let image = 0; image < n; image++) {
    for (let group = 0; group < g.groups; group++) {
      groupGrad.fill(0);
      for (let rowStart = 0; rowStart < outH; rowStart += chunkRows) {
        const rowEnd = Math.min(outH, rowStart + chunkRows);
        const width = (rowEnd - rowStart) * outW;
        columns.fill(0, 0, k * width);
        for (let oo = 0; oo < og; oo += 4) {
          const channel = group * og + oo;
          const dyBase = (image * o + channel) * planeOut + rowStart * outW;
          const count = Math.min(4, og - oo);
          filtersTransposedTimesGradient(
            w.data,
            channel * k,
            k,
            count,
            dy.data,
            dyBase,
            planeOut,
            columns,
            width,
          );
        }
        col2im(columns, g, rowStart, rowEnd, groupGrad);
      }
      dx.data.set(groupGrad, (image * c + group * g.cg) * h * g.w);
    }
  }
};

/**
 * dw[o, p] = Σ_images Σ_j dy[o, j] · cols[p, j]: both operands are contiguous rows, the matmul
 * kernel's transposed-B order. Accumulates in float64 across the batch.
 */
export const conv2dBackpropFilterKernel: JsKernel<'conv2dBackpropFilter'> = ([x, dy], attrs, [dw]) => {
  const g = convGeometry(x.shape, dw.shape, dy.shape, attrs);
  const { n, c, h, o, og, k, outH, outW, chunkRows } = g;
  const planeOut = outH * outW;
  const cols = new Float64Array(k * chunkRows * outW);
  const grad = new Float64Array(o * k);
  for (let image = 0; image < n; image++) {
    for (let group = 0; group < g.groups; group++) {
      const xOffset = (image * c + group * g.cg) * h * g.w;
      for (let rowStart = 0; rowStart < outH; rowStart += chunkRows) {
        const rowEnd = Math.min(outH, rowStart + chunkRows);
        const width = (rowEnd - rowStart) * outW;
        im2col(x.data, xOffset, g, rowStart, rowEnd, cols);
        for (let oo = 0; oo < og; oo += 4) {
          const channel = group * og + oo;
          const dyBase = (image * o + channel) * planeOut + rowStart * outW;
          const count = Math.min(4, og - oo);
          gradientTimesColumns(dy.data, dyBase, planeOut, count, cols, width, k, grad, channel * k);
        }
      }
    }
  }
  dw.data.set(grad);
};
