import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import type { Pool2dAttrs } from '../op-attrs';
import { shapesEqual } from '../shape';
import type { Tensor } from '../tensor';
import {
  checkNchw,
  checkWindowAttrs,
  normalizeSize2d,
  normalizeWindow2d,
  type Padding2d,
  type Size2d,
  windowCount,
} from './window2d';

/** Options of `maxPool2d` and `avgPool2d`. */
export interface Pool2dOptions {
  /** Window size: one number or `[height, width]`. */
  kernelSize: Size2d;
  /** Step between windows (default: the kernel size, so windows do not overlap). */
  stride?: Size2d;
  /** Padding (default 0), ignored by max and, unless `countIncludePad`, by the average. */
  padding?: Padding2d;
  /** Spacing between window taps (default 1). */
  dilation?: Size2d;
  /** Round the output size up, keeping a partial last window (default false). */
  ceilMode?: boolean;
}

/** Normalizes pooling options against the input's spatial size (for `'same'`). */
export function normalizePool2dOptions(op: string, x: Tensor, options: Pool2dOptions): Pool2dAttrs {
  checkNchw(op, 'x', x.shape);
  if (options?.kernelSize === undefined) throw new ArgumentError(op, 'options.kernelSize is required');
  const kernelSize = normalizeSize2d(op, 'kernelSize', options.kernelSize);
  const window = normalizeWindow2d(op, options, [x.shape[2], x.shape[3]], kernelSize, kernelSize);
  return { kernelSize, ...window, ceilMode: options.ceilMode ?? false };
}

/**
 * Validates pooling an input of `xShape` with `attrs` and returns the output shape
 * `[N, C, outH, outW]`. Shared by the pooling ops and their gradient kernels.
 */
export function pool2dOutputShape(op: string, xShape: readonly number[], attrs: Pool2dAttrs): number[] {
  const [n, c, h, w] = checkNchw(op, 'x', xShape);
  checkWindowAttrs(op, attrs);
  const { kernelSize, stride, padding, dilation, ceilMode } = attrs;
  if (kernelSize.length !== 2 || !kernelSize.every((k) => Number.isInteger(k) && k >= 1)) {
    throw new ArgumentError(op, `kernelSize must be two positive integers, got [${kernelSize.join(', ')}]`);
  }
  const extent = [dilation[0] * (kernelSize[0] - 1) + 1, dilation[1] * (kernelSize[1] - 1) + 1];
  // A side padded by a whole window would give windows that see only padding.
  if (
    padding[0] >= extent[0] ||
    padding[1] >= extent[0] ||
    padding[2] >= extent[1] ||
    padding[3] >= extent[1]
  ) {
    throw new ArgumentError(
      op,
      `padding [${padding.join(', ')}] must be smaller than the window extent ${extent[0]}x${extent[1]} on every side`,
    );
  }
  const outH = windowCount(h, padding[0], padding[1], kernelSize[0], stride[0], dilation[0], ceilMode);
  const outW = windowCount(w, padding[2], padding[3], kernelSize[1], stride[1], dilation[1], ceilMode);
  if (outH < 1 || outW < 1) {
    const padded = `${h + padding[0] + padding[1]}x${w + padding[2] + padding[3]}`;
    throw new ShapeError(
      op,
      `window (extent ${extent[0]}x${extent[1]}) is larger than the padded input (${padded})`,
      { x: xShape },
    );
  }
  return [n, c, outH, outW];
}

/** Checks that `dy` has the pooled output shape of `inputShape`; returns the input shape. */
export function checkPoolGradient(
  op: string,
  dy: readonly number[],
  inputShape: readonly number[],
  attrs: Pool2dAttrs,
): number[] {
  const expected = pool2dOutputShape(op, inputShape, attrs);
  if (!shapesEqual(dy, expected)) {
    throw new ShapeError(op, `dy must have the pooled output shape [${expected.join(', ')}]`, {
      dy,
      inputShape,
    });
  }
  return [...inputShape];
}
