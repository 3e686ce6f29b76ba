import type { Pool2dAttrs, Shape } from '@nagare/tensor';
import { Params } from '../runtime/params';

// Pooling kernels are direct: one thread per output (forward) or per input element (backward,
// gathering from the windows that cover it, so no two threads write one element).

/**
 * The parameter block of a pooling call: word 0 the thread count, then the input plane (h, w), the
 * output plane, the window, stride, padding [top, bottom, left, right], dilation and
 * countIncludePad (read by `POOL_GEOMETRY`).
 */
export function poolParams(
  threads: number,
  xShape: Shape,
  yShape: Shape,
  attrs: Pool2dAttrs,
  countIncludePad = false,
): Params {
  const { kernelSize, stride, padding, dilation } = attrs;
  return new Params()
    .u32(threads)
    .i32(xShape[2], xShape[3], yShape[2], yShape[3], ...kernelSize, ...stride, ...padding, ...dilation)
    .u32(countIncludePad ? 1 : 0);
}

/**
 * WGSL accessors of `poolParams` and the js backend's window arithmetic along one axis: where a
 * window starts, which taps [first, end) land inside the input, and how many lie inside the padded
 * input (the divisor of an average that counts padding; ceil mode's overhang never counts).
 */
export const POOL_GEOMETRY = /* wgsl */ `
fn inH() -> i32 { return pi(1u); }
fn inW() -> i32 { return pi(2u); }
fn outH() -> i32 { return pi(3u); }
fn outW() -> i32 { return pi(4u); }
fn kernelH() -> i32 { return pi(5u); }
fn kernelW() -> i32 { return pi(6u); }
fn strideH() -> i32 { return pi(7u); }
fn strideW() -> i32 { return pi(8u); }
fn padTop() -> i32 { return pi(9u); }
fn padBottom() -> i32 { return pi(10u); }
fn padLeft() -> i32 { return pi(11u); }
fn padRight() -> i32 { return pi(12u); }
fn dilationH() -> i32 { return pi(13u); }
fn dilationW() -> i32 { return pi(14u); }
fn countIncludePad() -> bool { return pu(15u) != 0u; }

struct Taps { start: i32, first: i32, end: i32, padded: i32 }

fn firstInside(offset: i32, stride: i32) -> i32 {
  if (offset >= 0) { return 0; }
  return (-offset + stride - 1) / stride;
}
fn endInside(offset: i32, stride: i32, len: i32, count: i32) -> i32 {
  let last = len - 1 - offset;
  if (last < 0) { return 0; }
  return min(count, last / stride + 1);
}
fn axisTaps(o: i32, input: i32, kernel: i32, stride: i32, dilation: i32, padBefore: i32, padAfter: i32) -> Taps {
  let start = o * stride - padBefore;
  let first = firstInside(start, dilation);
  let end = max(first, endInside(start, dilation, input, kernel));
  return Taps(start, first, end, endInside(start, dilation, input + padAfter, kernel));
}
fn rowTaps(oh: i32) -> Taps { return axisTaps(oh, inH(), kernelH(), strideH(), dilationH(), padTop(), padBottom()); }
fn colTaps(ow: i32) -> Taps { return axisTaps(ow, inW(), kernelW(), strideW(), dilationW(), padLeft(), padRight()); }

// The output along one axis whose window puts tap t on input position p, or −1 if none does.
fn windowOf(p: i32, t: i32, stride: i32, dilation: i32, padBefore: i32, outputs: i32) -> i32 {
  let offset = p + padBefore - t * dilation;
  if (offset < 0 || offset % stride != 0 || offset / stride >= outputs) { return -1; }
  return offset / stride;
}
`;
