// 2-D max and average pooling with their backward kernels, for each (n, c) plane in
// [begin, end). Windows follow the js reference: taps inside the input count, a ceil-mode window
// may run past the trailing padding, and a max window with no tap inside gives −∞ and index −1.
import * as OP from '../src/kernels/opcodes';
import {
  HEIGHT,
  WIDTH,
  OUT_H,
  OUT_W,
  KERNEL_H,
  KERNEL_W,
  STRIDE_H,
  STRIDE_W,
  PAD_TOP,
  PAD_LEFT,
  DILATION_H,
  DILATION_W,
  PAD_BOTTOM,
  PAD_RIGHT,
  COUNT_INCLUDE_PAD,
} from './pool-params';

/** First tap of a window starting at `start` that lands inside the input. */
// @ts-ignore: decorator
@inline function firstInside(start: i32, dilation: i32): i32 {
  return start >= 0 ? 0 : (-start + dilation - 1) / dilation;
}

/** One past the last tap (at most `kernel`) with start + tap·dilation < length. */
// @ts-ignore: decorator
@inline function endInside(start: i32, dilation: i32, length: i32, kernel: i32): i32 {
  const last = length - 1 - start;
  return last < 0 ? 0 : min(kernel, last / dilation + 1);
}

// @ts-ignore: decorator
@inline function readAs<T>(p: usize, i: i32): f64 {
  return <f64>load<T>(p + <usize>i * sizeof<T>());
}

// @ts-ignore: decorator
@inline function maxPoolTyped<T>(begin: i32, end: i32, params: usize, x: usize, y: usize, indices: usize): void {
  const h = load<i32>(params, HEIGHT);
  const w = load<i32>(params, WIDTH);
  const outH = load<i32>(params, OUT_H);
  const outW = load<i32>(params, OUT_W);
  const kh = load<i32>(params, KERNEL_H);
  const kw = load<i32>(params, KERNEL_W);
  const dh = load<i32>(params, DILATION_H);
  const dw = load<i32>(params, DILATION_W);
  for (let plane = begin; plane < end; plane++) {
    const input = x + <usize>plane * <usize>(h * w) * sizeof<T>();
    for (let oh = 0; oh < outH; oh++) {
      const startH = oh * load<i32>(params, STRIDE_H) - load<i32>(params, PAD_TOP);
      const firstH = firstInside(startH, dh);
      const endH = max(firstH, endInside(startH, dh, h, kh));
      for (let ow = 0; ow < outW; ow++) {
        const startW = ow * load<i32>(params, STRIDE_W) - load<i32>(params, PAD_LEFT);
        const firstW = firstInside(startW, dw);
        const endW = max(firstW, endInside(startW, dw, w, kw));
        let best: f64 = -Infinity;
        let bestIndex = -1;
        for (let ki = firstH; ki < endH; ki++) {
          const rowIndex = (startH + ki * dh) * w + startW;
          for (let kj = firstW; kj < endW; kj++) {
            const index = rowIndex + kj * dw;
            const v = readAs<T>(input, index);
            if (bestIndex < 0 || v > best || (v != v && best == best)) {
              best = v;
              bestIndex = index;
            }
          }
        }
        const out = (<usize>plane * <usize>outH + <usize>oh) * <usize>outW + <usize>ow;
        if (isFloat<T>()) store<T>(y + out * sizeof<T>(), <T>best);
        else store<T>(y + out * sizeof<T>(), bestIndex < 0 ? <T>0 : <T>best);
        store<i32>(indices + (out << 2), bestIndex);
      }
    }
  }
}

/** maxPool2d: values and flat in-plane indices of the first maximum (NaN wins). */
export function maxPool2d(begin: i32, end: i32, dtype: i32, params: usize, x: usize, y: usize, indices: usize): void {
  if (dtype == OP.DTYPE_FLOAT32) maxPoolTyped<f32>(begin, end, params, x, y, indices);
  else if (dtype == OP.DTYPE_FLOAT64) maxPoolTyped<f64>(begin, end, params, x, y, indices);
  else maxPoolTyped<i32>(begin, end, params, x, y, indices);
}

// @ts-ignore: decorator
@inline function maxPoolBackwardTyped<T>(begin: i32, end: i32, planeIn: i32, planeOut: i32, dy: usize, indices: usize, dx: usize): void {
  const size = sizeof<T>();
  for (let plane = begin; plane < end; plane++) {
    const target = dx + <usize>plane * <usize>planeIn * size;
    memory.fill(target, 0, <usize>planeIn * size);
    for (let j = plane * planeOut; j < (plane + 1) * planeOut; j++) {
      const index = load<i32>(indices + (<usize>j << 2));
      if (index >= 0 && index < planeIn) {
        const at = target + <usize>index * size;
        store<T>(at, load<T>(at) + load<T>(dy + <usize>j * size));
      }
    }
  }
}

/** dx[plane, indices[j]] += dy[j] for planes [begin, end). */
export function maxPool2dBackward(begin: i32, end: i32, dtype: i32, planeIn: i32, planeOut: i32, dy: usize, indices: usize, dx: usize): void {
  if (dtype == OP.DTYPE_FLOAT64) maxPoolBackwardTyped<f64>(begin, end, planeIn, planeOut, dy, indices, dx);
  else maxPoolBackwardTyped<f32>(begin, end, planeIn, planeOut, dy, indices, dx);
}

/** The divisor of an average window: padded taps, or taps inside the input (never 0). */
// @ts-ignore: decorator
@inline function divisorOf(params: usize, startH: i32, startW: i32, firstH: i32, endH: i32, firstW: i32, endW: i32): f64 {
  let count: i32;
  if (load<i32>(params, COUNT_INCLUDE_PAD) != 0) {
    const rows = endInside(startH, load<i32>(params, DILATION_H), load<i32>(params, HEIGHT) + load<i32>(params, PAD_BOTTOM), load<i32>(params, KERNEL_H));
    const cols = endInside(startW, load<i32>(params, DILATION_W), load<i32>(params, WIDTH) + load<i32>(params, PAD_RIGHT), load<i32>(params, KERNEL_W));
    count = rows * cols;
  } else {
    count = (endH - firstH) * (endW - firstW);
  }
  return count == 0 ? 1.0 : <f64>count;
}

// @ts-ignore: decorator
@inline function avgPoolTyped<T>(begin: i32, end: i32, isBackward: bool, params: usize, x: usize, y: usize): void {
  const h = load<i32>(params, HEIGHT);
  const w = load<i32>(params, WIDTH);
  const outH = load<i32>(params, OUT_H);
  const outW = load<i32>(params, OUT_W);
  const kh = load<i32>(params, KERNEL_H);
  const kw = load<i32>(params, KERNEL_W);
  const dh = load<i32>(params, DILATION_H);
  const dw = load<i32>(params, DILATION_W);
  const size = sizeof<T>();
  for (let plane = begin; plane < end; plane++) {
    // Forward: x is the input, y the output. Backward: x is dy, y is dx (the input-shaped side).
    const inputSide = (isBackward ? y : x) + <usize>plane * <usize>(h * w) * size;
    const outputSide = (isBackward ? x : y) + <usize>plane * <usize>(outH * outW) * size;
    if (isBackward) memory.fill(inputSide, 0, <usize>(h * w) * size);
    for (let oh = 0; oh < outH; oh++) {
      const startH = oh * load<i32>(params, STRIDE_H) - load<i32>(params, PAD_TOP);
      const firstH = firstInside(startH, dh);
      const endH = max(firstH, endInside(startH, dh, h, kh));
      for (let ow = 0; ow < outW; ow++) {
        const startW = ow * load<i32>(params, STRIDE_W) - load<i32>(params, PAD_LEFT);
        const firstW = firstInside(startW, dw);
        const endW = max(firstW, endInside(startW, dw, w, kw));
        const divisor = divisorOf(params, startH, startW, firstH, endH, firstW, endW);
        const out = outputSide + <usize>(oh * outW + ow) * size;
        if (isBackward) {
          const share = <f64>load<T>(out) / divisor;
          for (let ki = firstH; ki < endH; ki++) {
            const rowIndex = (startH + ki * dh) * w + startW;
            for (let kj = firstW; kj < endW; kj++) {
              const at = inputSide + <usize>(rowIndex + kj * dw) * size;
              store<T>(at, <T>(<f64>load<T>(at) + share));
            }
          }
        } else {
          let total: f64 = 0;
          for (let ki = firstH; ki < endH; ki++) {
            const rowIndex = (startH + ki * dh) * w + startW;
            for (let kj = firstW; kj < endW; kj++) total += readAs<T>(inputSide, rowIndex + kj * dw);
          }
          store<T>(out, <T>(total / divisor));
        }
      }
    }
  }
}

/** avgPool2d (isBackward = 0: x → y) or its backward (x = dy → y = dx) for planes [begin, end). */
export function avgPool2d(begin: i32, end: i32, dtype: i32, isBackward: i32, params: usize, x: usize, y: usize): void {
  if (dtype == OP.DTYPE_FLOAT64) avgPoolTyped<f64>(begin, end, isBackward != 0, params, x, y);
  else avgPoolTyped<f32>(begin, end, isBackward != 0, params, x, y);
}
