import type { JsKernel } from '../kernel-types';
import { filtersTransposedTimesGradient, gradientTimesColumns } from './conv-gemm';
import { col2im, columnMatrix, convChunks, convGeometry, im2col } from './im2col';

/**
 * dx = col2im(wᵀ · dy) per (image, group, chunk of output rows): the transpose of the forward GEMM,
 * scattered back onto the input positions each column was read from. Accumulates in float64.
 */
export const conv2dBackpropInputKernel: JsKernel<'conv2dBackpropInput'> = ([dy, w], attrs, [dx]) => {
  const g = convGeometry(dx.shape, w.shape, dy.shape, attrs);
  const { og, k, outH, outW } = g;
  const planeOut = outH * outW;
  const columns = columnMatrix(g);
  const groupGrad = new Float64Array(g.cg * g.h * g.w);
  for (const { rowStart, rowEnd, width, firstChannel, inputOffset, outputOffset } of convChunks(g)) {
    // A group's chunks come one after another: sum its gradient over them, then store it once.
    if (rowStart === 0) groupGrad.fill(0);
    columns.fill(0, 0, k * width);
    for (let oo = 0; oo < og; oo += 4) {
      const count = Math.min(4, og - oo);
      const dyBase = outputOffset + oo * planeOut;
      filtersTransposedTimesGradient(
        w.data,
        (firstChannel + oo) * k,
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
    if (rowEnd === outH) dx.data.set(groupGrad, inputOffset);
  }
};

/**
 * dw[o, p] = Σ_images Σ_j dy[o, j] · cols[p, j]: both operands are contiguous rows, the matmul
 * kernel's transposed-B order. Accumulates in float64 across the batch.
 */
export const conv2dBackpropFilterKernel: JsKernel<'conv2dBackpropFilter'> = ([x, dy], attrs, [dw]) => {
  const g = convGeometry(x.shape, dw.shape, dy.shape, attrs);
  const { o, og, k, outH, outW } = g;
  const planeOut = outH * outW;
  const cols = columnMatrix(g);
  const grad = new Float64Array(o * k);
  for (const { rowStart, rowEnd, width, firstChannel, inputOffset, outputOffset } of convChunks(g)) {
    im2col(x.data, inputOffset, g, rowStart, rowEnd, cols);
    for (let oo = 0; oo < og; oo += 4) {
      const count = Math.min(4, og - oo);
      const channel = firstChannel + oo;
      gradientTimesColumns(
        dy.data,
        outputOffset + oo * planeOut,
        planeOut,
        count,
        cols,
        width,
        k,
        grad,
        channel * k,
      );
    }
  }
  dw.data.set(grad);
};
