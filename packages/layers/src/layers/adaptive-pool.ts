import {
  ArgumentError,
  avgPool2d,
  concat,
  matmul,
  max,
  maxPool2d,
  ShapeError,
  slice,
  type Tensor,
  tensor,
  tidy,
} from '@nagare/tensor';
import { Module } from '../module';
import { checkPositiveIntegers } from './sizes';

/** An adaptive pooling output size: one number, or `[h, w]` where `null` keeps that input size. */
export type AdaptiveSize = number | readonly [number | null, number | null];

/** Checks an adaptive pool's output size: positive integers, `null` keeping an input axis. */
function checkOutputSize(layer: string, outputSize: AdaptiveSize): void {
  const sizes: unknown[] = Array.isArray(outputSize) ? [...outputSize] : [outputSize];
  checkPositiveIntegers(
    layer,
    'outputSize',
    sizes.filter((size) => size !== null),
  );
}

/** PyTorch's adaptive bins: output cell i covers [floor(i·n/out), ceil((i+1)·n/out)). */
function bins(size: number, out: number): [number, number][] {
  return Array.from({ length: out }, (_, i) => [
    Math.floor((i * size) / out),
    Math.ceil(((i + 1) * size) / out),
  ]);
}

function resolveSize(op: string, x: Tensor, outputSize: AdaptiveSize): [number, number] {
  if (x.rank !== 4) throw new ShapeError(op, 'expected an input [N, C, H, W]', { x: x.shape });
  const [h, w] = typeof outputSize === 'number' ? [outputSize, outputSize] : outputSize;
  const out: [number, number] = [h ?? x.shape[2], w ?? x.shape[3]];
  if (!out.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new ArgumentError(op, `outputSize must be positive integers, got ${JSON.stringify(outputSize)}`);
  }
  return out;
}

/** A [out, size] matrix averaging each adaptive bin, so pooling an axis is one matmul. */
function averagingMatrix(size: number, out: number, dtype: Tensor['dtype']): Tensor {
  const values = new Float64Array(out * size);
  bins(size, out).forEach(([start, end], i) => {
    for (let j = start; j < end; j++) values[i * size + j] = 1 / (end - start);
  });
  return tensor(values, { shape: [out, size], dtype });
}

/**
 * Adaptive average pooling: `[N, C, H, W]` → `[N, C, outH, outW]` whatever the input size, with
 * PyTorch's bins. Divisible sizes use avgPool2d; others average each axis with one matmul.
 *
 * @example
 * adaptiveAvgPool2d(randn([2, 512, 7, 9]), 1).shape; // [2, 512, 1, 1]
 * adaptiveAvgPool2d(x, [6, null]);                    // height 6, width kept
 */
export function adaptiveAvgPool2d(x: Tensor, outputSize: AdaptiveSize): Tensor {
  const [outH, outW] = resolveSize('adaptiveAvgPool2d', x, outputSize);
  const [h, w] = [x.shape[2], x.shape[3]];
  if (h % outH === 0 && w % outW === 0) return avgPool2d(x, { kernelSize: [h / outH, w / outW] });
  return tidy(() => {
    // Average rows, then columns: P_h · x · P_wᵀ with P the bin-averaging matrices.
    const rows = matmul(averagingMatrix(h, outH, x.dtype), x);
    return matmul(rows, averagingMatrix(w, outW, x.dtype), { transposeB: true });
  });
}

/**
 * Adaptive max pooling: `[N, C, H, W]` → `[N, C, outH, outW]` with PyTorch's bins. Max is
 * separable, so it reduces the row bins, then the column bins.
 *
 * @example
 * adaptiveMaxPool2d(randn([2, 8, 13, 13]), 4).shape; // [2, 8, 4, 4]
 */
export function adaptiveMaxPool2d(x: Tensor, outputSize: AdaptiveSize): Tensor {
  const [outH, outW] = resolveSize('adaptiveMaxPool2d', x, outputSize);
  const [h, w] = [x.shape[2], x.shape[3]];
  if (h % outH === 0 && w % outW === 0) return maxPool2d(x, { kernelSize: [h / outH, w / outW] });
  return tidy(() => {
    const reduceAxis = (input: Tensor, axis: number, out: number) =>
      concat(
        bins(input.shape[axis], out).map(([start, end]) =>
          max(slice(input, [start], [end], { axes: [axis] }), axis, { keepDims: true }),
        ),
        axis,
      );
    return reduceAxis(reduceAxis(x, 2, outH), 3, outW);
  });
}

/**
 * Adaptive average pooling as a layer (PyTorch's `nn.AdaptiveAvgPool2d`).
 *
 * @example
 * new AdaptiveAvgPool2d([6, 6]).call(randn([1, 256, 13, 13])).shape; // [1, 256, 6, 6]
 */
export class AdaptiveAvgPool2d extends Module {
  constructor(readonly outputSize: AdaptiveSize) {
    super();
    checkOutputSize('AdaptiveAvgPool2d', outputSize);
  }
  forward(x: Tensor): Tensor {
    return adaptiveAvgPool2d(x, this.outputSize);
  }
  override extraRepr(): string {
    return `outputSize=${JSON.stringify(this.outputSize)}`;
  }
}

/**
 * Adaptive max pooling as a layer (PyTorch's `nn.AdaptiveMaxPool2d`).
 *
 * @example
 * new AdaptiveMaxPool2d(1).call(randn([1, 64, 9, 9])).shape; // [1, 64, 1, 1]
 */
export class AdaptiveMaxPool2d extends Module {
  constructor(readonly outputSize: AdaptiveSize) {
    super();
    checkOutputSize('AdaptiveMaxPool2d', outputSize);
  }
  forward(x: Tensor): Tensor {
    return adaptiveMaxPool2d(x, this.outputSize);
  }
  override extraRepr(): string {
    return `outputSize=${JSON.stringify(this.outputSize)}`;
  }
}
