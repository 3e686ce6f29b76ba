import type { Pool2dAttrs } from '../../../op-attrs';
import type { Shape } from '../../../types';
import type { JsKernel } from '../kernel-types';
import { endInside, firstInside } from './im2col';

/** Where each window along one axis starts and which of its taps land inside the input. */
interface AxisWindows {
  /** Input position of the window's first tap (negative inside the leading padding). */
  start: Int32Array;
  /** First and one-past-last tap index inside the input. */
  firstTap: Int32Array;
  endTap: Int32Array;
  /** Taps inside the padded input (the divisor of an average that counts padding). */
  paddedTaps: Int32Array;
}

function axisWindows(
  input: number,
  output: number,
  kernel: number,
  stride: number,
  dilation: number,
  padBefore: number,
  padAfter: number,
): AxisWindows {
  const windows = {
    start: new Int32Array(output),
    firstTap: new Int32Array(output),
    endTap: new Int32Array(output),
    paddedTaps: new Int32Array(output),
  };
  for (let o = 0; o < output; o++) {
    const start = o * stride - padBefore;
    windows.start[o] = start;
    windows.firstTap[o] = firstInside(start, dilation);
    windows.endTap[o] = Math.max(windows.firstTap[o], endInside(start, dilation, input, kernel));
    // Ceil mode lets a last window run past the trailing padding; those taps never count.
    windows.paddedTaps[o] = endInside(start, dilation, input + padAfter, kernel);
  }
  return windows;
}

/** The per-axis windows of one pooling call, read once from the shapes. */
function poolGeometry(xShape: Shape, yShape: Shape, attrs: Pool2dAttrs) {
  const [n, c, h, w] = xShape;
  const [outH, outW] = [yShape[2], yShape[3]];
  const { kernelSize, stride, dilation, padding } = attrs;
  return {
    planes: n * c,
    h,
    w,
    outH,
    outW,
    rows: axisWindows(h, outH, kernelSize[0], stride[0], dilation[0], padding[0], padding[1]),
    cols: axisWindows(w, outW, kernelSize[1], stride[1], dilation[1], padding[2], padding[3]),
  };
}

/**
 * Max over each window's taps inside the input, and the flat in-plane index (h·W + w) of the first
 * maximum. NaN wins (and stays). A window with no tap inside the input (possible only with
 * dilation) gives −∞ and index −1, which the backward kernel skips.
 */
export const maxPool2dKernel: JsKernel<'maxPool2d'> = ([x], attrs, [y, indices]) => {
  const { planes, h, w, outH, outW, rows, cols } = poolGeometry(x.shape, y.shape, attrs);
  const [dilationH, dilationW] = attrs.dilation;
  const X = x.data;
  const Y = y.data;
  const I = indices.data;
  for (let plane = 0; plane < planes; plane++) {
    const xBase = plane * h * w;
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        let best = Number.NEGATIVE_INFINITY;
        let bestIndex = -1;
        for (let ki = rows.firstTap[oh]; ki < rows.endTap[oh]; ki++) {
          const rowIndex = (rows.start[oh] + ki * dilationH) * w;
          for (let kj = cols.firstTap[ow]; kj < cols.endTap[ow]; kj++) {
            const index = rowIndex + cols.start[ow] + kj * dilationW;
            const v = X[xBase + index];
            if (bestIndex < 0 || v > best || (Number.isNaN(v) && !Number.isNaN(best))) {
              best = v;
              bestIndex = index;
            }
          }
        }
        const out = (plane * outH + oh) * outW + ow;
        Y[out] = best;
        I[out] = bestIndex;
      }
    }
  }
};

/** dx[plane, indices[j]] += dy[j]: each gradient goes back to the position that won its window. */
export const maxPool2dBackwardKernel: JsKernel<'maxPool2dBackward'> = ([dy, indices], _attrs, [dx]) => {
  const planeIn = dx.shape[2] * dx.shape[3];
  const planeOut = dy.shape[2] * dy.shape[3];
  const planes = dx.shape[0] * dx.shape[1];
  const DY = dy.data;
  const I = indices.data;
  const DX = dx.data;
  DX.fill(0);
  for (let plane = 0; plane < planes; plane++) {
    for (let j = plane * planeOut; j < (plane + 1) * planeOut; j++) {
      const index = I[j];
      if (index >= 0 && index < planeIn) DX[plane * planeIn + index] += DY[j];
    }
  }
};

/** The divisor of output (oh, ow): the whole (padded) window or only its taps inside the input. */
function divisorOf(
  geometry: ReturnType<typeof poolGeometry>,
  oh: number,
  ow: number,
  countIncludePad: boolean,
): number {
  const { rows, cols } = geometry;
  const count = countIncludePad
    ? rows.paddedTaps[oh] * cols.paddedTaps[ow]
    : (rows.endTap[oh] - rows.firstTap[oh]) * (cols.endTap[ow] - cols.firstTap[ow]);
  // Only a dilated window can miss the input entirely; its sum is 0, so report 0 rather than NaN.
  return count || 1;
}

/** Mean over each window: the sum of its taps inside the input divided by `divisorOf`. */
export const avgPool2dKernel: JsKernel<'avgPool2d'> = ([x], attrs, [y]) => {
  const geometry = poolGeometry(x.shape, y.shape, attrs);
  const { planes, h, w, outH, outW, rows, cols } = geometry;
  const [dilationH, dilationW] = attrs.dilation;
  const X = x.data;
  const Y = y.data;
  for (let plane = 0; plane < planes; plane++) {
    const xBase = plane * h * w;
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        let total = 0;
        for (let ki = rows.firstTap[oh]; ki < rows.endTap[oh]; ki++) {
          const rowBase = xBase + (rows.start[oh] + ki * dilationH) * w + cols.start[ow];
          for (let kj = cols.firstTap[ow]; kj < cols.endTap[ow]; kj++) total += X[rowBase + kj * dilationW];
        }
        Y[(plane * outH + oh) * outW + ow] = total / divisorOf(geometry, oh, ow, attrs.countIncludePad);
      }
    }
  }
};

/** The adjoint of the average: each dy element, divided by its window's divisor, goes to every tap. */
export const avgPool2dBackwardKernel: JsKernel<'avgPool2dBackward'> = ([dy], attrs, [dx]) => {
  const geometry = poolGeometry(dx.shape, dy.shape, attrs);
  const { planes, h, w, outH, outW, rows, cols } = geometry;
  const [dilationH, dilationW] = attrs.dilation;
  const DY = dy.data;
  const DX = dx.data;
  DX.fill(0);
  for (let plane = 0; plane < planes; plane++) {
    const xBase = plane * h * w;
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        const share =
          DY[(plane * outH + oh) * outW + ow] / divisorOf(geometry, oh, ow, attrs.countIncludePad);
        for (let ki = rows.firstTap[oh]; ki < rows.endTap[oh]; ki++) {
          const rowBase = xBase + (rows.start[oh] + ki * dilationH) * w + cols.start[ow];
          for (let kj = cols.firstTap[ow]; kj < cols.endTap[ow]; kj++) DX[rowBase + kj * dilationW] += share;
        }
      }
    }
  }
};
