// Reference definitions shared by the conv2d and pooling tests. They follow the textbook formulas
// rather than the kernels' im2col and window tricks, so the kernels are checked against something
// written independently of them.
import type { Conv2dAttrs, Pool2dAttrs, Tensor } from '../../index';

/** ⟨a, b⟩: the sum of the products of two same-size tensors' values (for the adjoint identities). */
export function dot(a: Tensor, b: Tensor): number {
  const [x, y] = [a.dataSync(), b.dataSync()];
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i] * y[i];
  return total;
}

/**
 * Window positions along one axis: floor((input + before + after − d·(k − 1) − 1) / s) + 1, or in
 * ceil mode rounded up, dropping a last window that would start in the trailing padding.
 */
export function pooledLength(
  input: number,
  before: number,
  after: number,
  k: number,
  s: number,
  d: number,
  isCeil: boolean,
): number {
  const span = (input + before + after - d * (k - 1) - 1) / s;
  const count = (isCeil ? Math.ceil(span) : Math.floor(span)) + 1;
  return isCeil && (count - 1) * s >= input + before ? count - 1 : count;
}

/** Pooling attributes with the defaults filled in: stride = kernel size, no padding or dilation, floor mode. */
export function poolAttrs(a: Partial<Pool2dAttrs> & { kernelSize: [number, number] }): Pool2dAttrs {
  return {
    stride: a.stride ?? a.kernelSize,
    padding: a.padding ?? [0, 0, 0, 0],
    dilation: a.dilation ?? [1, 1],
    ceilMode: a.ceilMode ?? false,
    ...a,
  };
}

/** Convolution attributes with the defaults filled in: stride 1, no padding or dilation, one group. */
export function convAttrs(a: Partial<Conv2dAttrs>): Conv2dAttrs {
  return {
    stride: a.stride ?? [1, 1],
    padding: a.padding ?? [0, 0, 0, 0],
    dilation: a.dilation ?? [1, 1],
    groups: a.groups ?? 1,
  };
}

/** The `[N, C, outH, outW]` shape of pooling an NCHW input of `shape`. */
export function pooledShape(shape: readonly number[], attrs: Pool2dAttrs): number[] {
  const { kernelSize: k, stride: s, padding: p, dilation: d, ceilMode } = attrs;
  const [n, c, h, w] = shape;
  return [
    n,
    c,
    pooledLength(h, p[0], p[1], k[0], s[0], d[0], ceilMode),
    pooledLength(w, p[2], p[3], k[1], s[1], d[1], ceilMode),
  ];
}

/**
 * Every pooling window in output order: its plane (n·C + c) and the input position (ih, iw) of each
 * of its taps, including taps that fall in the padding.
 */
export function* poolWindows(
  shape: readonly number[],
  attrs: Pool2dAttrs,
): Generator<{ plane: number; taps: [number, number][] }> {
  const { kernelSize: k, stride: s, padding: p, dilation: d } = attrs;
  const [n, c, outH, outW] = pooledShape(shape, attrs);
  for (let plane = 0; plane < n * c; plane++)
    for (let i = 0; i < outH; i++)
      for (let j = 0; j < outW; j++) {
        const taps: [number, number][] = [];
        for (let ki = 0; ki < k[0]; ki++)
          for (let kj = 0; kj < k[1]; kj++)
            taps.push([i * s[0] - p[0] + ki * d[0], j * s[1] - p[2] + kj * d[1]]);
        yield { plane, taps };
      }
}

/** The `[N, O, outH, outW]` shape of convolving an NCHW input of `xShape` with filters of `wShape`. */
export function convShape(
  xShape: readonly number[],
  wShape: readonly number[],
  attrs: Conv2dAttrs,
): number[] {
  const { stride, padding, dilation } = attrs;
  return [
    xShape[0],
    wShape[0],
    pooledLength(xShape[2], padding[0], padding[1], wShape[2], stride[0], dilation[0], false),
    pooledLength(xShape[3], padding[2], padding[3], wShape[3], stride[1], dilation[1], false),
  ];
}

/**
 * The textbook 7-loop convolution: calls `visit(yIndex, xIndex, wIndex)` for every (output, tap)
 * pair whose tap lands inside x, in output order (flat indices into y, x and w).
 */
export function forEachConvTap(
  xShape: readonly number[],
  wShape: readonly number[],
  attrs: Conv2dAttrs,
  visit: (yIndex: number, xIndex: number, wIndex: number) => void,
): void {
  const { stride, padding, dilation, groups } = attrs;
  const [n, c, h, wIn] = xShape;
  const [o, cg, kh, kw] = wShape;
  const [, , outH, outW] = convShape(xShape, wShape, attrs);
  for (let b = 0; b < n; b++)
    for (let oc = 0; oc < o; oc++)
      for (let i = 0; i < outH; i++)
        for (let j = 0; j < outW; j++) {
          const yIndex = ((b * o + oc) * outH + i) * outW + j;
          const group = Math.floor(oc / (o / groups));
          for (let ci = 0; ci < cg; ci++)
            for (let ki = 0; ki < kh; ki++)
              for (let kj = 0; kj < kw; kj++) {
                const ih = i * stride[0] - padding[0] + ki * dilation[0];
                const iw = j * stride[1] - padding[2] + kj * dilation[1];
                if (ih < 0 || ih >= h || iw < 0 || iw >= wIn) continue;
                const xIndex = ((b * c + group * cg + ci) * h + ih) * wIn + iw;
                visit(yIndex, xIndex, ((oc * cg + ci) * kh + ki) * kw + kj);
              }
        }
}
