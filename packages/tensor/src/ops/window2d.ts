import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import type { Window2dAttrs } from '../op-attrs';

/** One number for both spatial axes, or `[height, width]`. */
export type Size2d = number | readonly [number, number];

/**
 * Zero padding of the two spatial axes: one number for every side, `[height, width]` (each on both
 * sides), `[top, bottom, left, right]`, `'valid'` (none) or `'same'` (output = ceil(input / stride),
 * with any odd extra padding at the bottom/right end, as ONNX SAME_UPPER and TensorFlow).
 */
export type Padding2d =
  | number
  | readonly [number, number]
  | readonly [number, number, number, number]
  | 'same'
  | 'valid';

/** Normalizes a `Size2d` option to `[height, width]` of positive integers. */
export function normalizeSize2d(op: string, name: string, value: Size2d): [number, number] {
  const pair: [number, number] = typeof value === 'number' ? [value, value] : [value[0], value[1]];
  if (
    (typeof value !== 'number' && value.length !== 2) ||
    !pair.every((v) => Number.isInteger(v) && v >= 1)
  ) {
    throw new ArgumentError(
      op,
      `${name} must be a positive integer or a pair of them, got ${formatValue(value)}`,
    );
  }
  return pair;
}

/**
 * Resolves a `Padding2d` option to `[top, bottom, left, right]`. `'same'` needs the input's spatial
 * size, the kernel size, stride and dilation, since its padding depends on all of them.
 */
export function resolvePadding2d(
  op: string,
  padding: Padding2d,
  input: readonly [number, number],
  kernel: readonly [number, number],
  stride: readonly [number, number],
  dilation: readonly [number, number],
): [number, number, number, number] {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (padding === 'same') {
    const [top, bottom] = samePadding(input[0], kernel[0], stride[0], dilation[0]);
    const [left, right] = samePadding(input[1], kernel[1], stride[1], dilation[1]);
    return [top, bottom, left, right];
  }
  let sides: number[];
  if (typeof padding === 'number') sides = [padding, padding, padding, padding];
  else if (padding.length === 2) sides = [padding[0], padding[0], padding[1], padding[1]];
  else if (padding.length === 4) sides = [...padding];
  else sides = [];
  if (sides.length !== 4 || !sides.every((v) => Number.isInteger(v) && v >= 0)) {
    throw new ArgumentError(
      op,
      `padding must be a non-negative integer, [height, width], [top, bottom, left, right], 'same' or 'valid', got ${formatValue(padding)}`,
    );
  }
  return sides as [number, number, number, number];
}

// SAME_UPPER: the smallest total padding that gives ceil(input / stride) outputs, split with the
// odd element at the end.
function samePadding(input: number, kernel: number, stride: number, dilation: number): [number, number] {
  const output = Math.ceil(input / stride);
  const total = Math.max(0, (output - 1) * stride + dilation * (kernel - 1) + 1 - input);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** The stride, padding and dilation options every 2-D window op (conv2d, the poolings) takes. */
export interface Window2dOptions {
  stride?: Size2d;
  padding?: Padding2d;
  dilation?: Size2d;
}

/**
 * Normalizes a window op's stride (default `defaultStride`), dilation (default 1) and padding
 * (default 0) for a `kernel` window over an input of spatial size `input`.
 */
export function normalizeWindow2d(
  op: string,
  options: Window2dOptions,
  input: readonly [number, number],
  kernel: readonly [number, number],
  defaultStride: Size2d,
): Window2dAttrs {
  const stride = normalizeSize2d(op, 'stride', options.stride ?? defaultStride);
  const dilation = normalizeSize2d(op, 'dilation', options.dilation ?? 1);
  const padding = resolvePadding2d(op, options.padding ?? 0, input, kernel, stride, dilation);
  return { stride, padding, dilation };
}

/**
 * Number of window positions along one axis. In ceil mode a last, partial window is kept as long
 * as it starts inside the input or the leading padding (PyTorch's and ONNX's rule), never one that
 * would start in the trailing padding. Returns 0 or less when the window does not fit.
 */
export function windowCount(
  input: number,
  padBefore: number,
  padAfter: number,
  kernel: number,
  stride: number,
  dilation: number,
  isCeilMode = false,
): number {
  const span = input + padBefore + padAfter - dilation * (kernel - 1) - 1;
  if (span < 0) return 0;
  let count = (isCeilMode ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
  if (isCeilMode && (count - 1) * stride >= input + padBefore) count--;
  return count;
}

/** Checks window attributes that reach an op unnormalized (gradient rules pass them straight on). */
export function checkWindowAttrs(op: string, { stride, padding, dilation }: Window2dAttrs): void {
  const isPositive = (v: number) => Number.isInteger(v) && v >= 1;
  if (stride.length !== 2 || !stride.every(isPositive))
    throw new ArgumentError(op, `stride must be two positive integers, got [${stride.join(', ')}]`);
  if (dilation.length !== 2 || !dilation.every(isPositive)) {
    throw new ArgumentError(op, `dilation must be two positive integers, got [${dilation.join(', ')}]`);
  }
  if (padding.length !== 4 || !padding.every((v) => Number.isInteger(v) && v >= 0)) {
    throw new ArgumentError(
      op,
      `padding must be four non-negative integers [top, bottom, left, right], got [${padding.join(', ')}]`,
    );
  }
}

/** Checks that `shape` is a rank-4 NCHW shape of non-negative integers. */
export function checkNchw(
  op: string,
  name: string,
  shape: readonly number[],
): [number, number, number, number] {
  if (shape.length !== 4 || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ShapeError(op, `${name} must be a rank-4 [N, C, H, W] shape`, { [name]: shape });
  }
  return [shape[0], shape[1], shape[2], shape[3]];
}

function formatValue(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}
