import { runOp } from '../engine/dispatch';
import { ArgumentError } from '../errors/argument-error';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';

/** Per-axis attributes of the `slice` primitive: every axis of the input, fully normalized. */
interface SliceAttrs {
  begin: number[];
  step: number[];
  size: number[];
}

const sliceOp = defineOp({
  name: 'slice',
  inputs: ['x'],
  infer: ([x], { begin, step, size }) => {
    const rank = x.shape.length;
    if (begin.length !== rank || step.length !== rank || size.length !== rank) {
      throw new ArgumentError(
        'slice',
        `begin, step and size need ${rank} entries, got ${begin.length}, ${step.length}, ${size.length}`,
      );
    }
    x.shape.forEach((dim, a) => {
      const last = begin[a] + (size[a] - 1) * step[a];
      const isValid =
        Number.isInteger(begin[a]) &&
        Number.isInteger(step[a]) &&
        step[a] !== 0 &&
        Number.isInteger(size[a]) &&
        size[a] >= 0;
      if (!isValid || (size[a] > 0 && (begin[a] < 0 || begin[a] >= dim || last < 0 || last >= dim))) {
        throw new ArgumentError(
          'slice',
          `begin ${begin[a]}, step ${step[a]}, size ${size[a]} do not fit axis ${a} of length ${dim}`,
        );
      }
    });
    return [{ shape: [...size], dtype: x.dtype }];
  },
});

/** Options of `slice`. */
export interface SliceOptions {
  /** The axes `starts` and `stops` refer to (default 0, 1, …); unlisted axes are kept whole. */
  axes?: readonly number[];
  /** Step per listed axis (default 1); negative steps walk backwards. */
  steps?: readonly number[];
}

function checkBound(name: string, value: number, axis: number): void {
  if (!Number.isInteger(value) && Math.abs(value) !== Number.POSITIVE_INFINITY) {
    throw new ArgumentError(
      'slice',
      `${name} for axis ${axis} must be an integer or ±Infinity, got ${value}`,
    );
  }
}

/**
 * Normalizes one axis' start/stop/step as NumPy does (and ONNX's reference implementation):
 * negative values count from the end, then start and stop are clamped to [0, dim] going forward
 * and [−1, dim − 1] going back. ONNX's spec text clamps a backward start to 0 instead, which would
 * read element 0 for a start before the beginning; NumPy reads nothing, and so do we.
 */
function normalizeSliceAxis(
  start: number,
  stop: number,
  step: number,
  dim: number,
): { begin: number; size: number } {
  const from = start < 0 ? start + dim : start;
  const to = stop < 0 ? stop + dim : stop;
  const clamp = (v: number, low: number, high: number) => Math.min(Math.max(v, low), high);
  const [begin, end] =
    step > 0 ? [clamp(from, 0, dim), clamp(to, 0, dim)] : [clamp(from, -1, dim - 1), clamp(to, -1, dim - 1)];
  const size = Math.max(0, Math.ceil((end - begin) / step));
  // An empty slice reads nothing; begin 0 keeps the normalized attributes valid for any axis.
  return size === 0 ? { begin: 0, size } : { begin, size };
}

/** Builds the primitive's attributes, validating `starts`/`stops`/`axes`/`steps` against `shape`. */
function sliceAttrs(
  shape: readonly number[],
  starts: readonly number[],
  stops: readonly number[],
  options: SliceOptions,
): SliceAttrs {
  const axes = options.axes ?? starts.map((_, i) => i);
  const steps = options.steps ?? axes.map(() => 1);
  if (starts.length !== axes.length || stops.length !== axes.length || steps.length !== axes.length) {
    throw new ArgumentError(
      'slice',
      `starts, stops, axes and steps must have one entry per sliced axis, got ${starts.length}, ${stops.length}, ${axes.length}, ${steps.length}`,
    );
  }
  const attrs: SliceAttrs = { begin: shape.map(() => 0), step: shape.map(() => 1), size: [...shape] };
  if (shape.length === 0 && axes.length > 0)
    throw new ArgumentError('slice', 'cannot slice a scalar (x: [])');
  const seen = new Set<number>();
  axes.forEach((rawAxis, i) => {
    const axis = normalizeAxis('slice', rawAxis, shape.length);
    if (seen.has(axis)) throw new ArgumentError('slice', `axes [${axes.join(', ')}] repeat axis ${axis}`);
    seen.add(axis);
    checkBound('start', starts[i], axis);
    checkBound('stop', stops[i], axis);
    if (!Number.isInteger(steps[i]) || steps[i] === 0) {
      throw new ArgumentError('slice', `step for axis ${axis} must be a non-zero integer, got ${steps[i]}`);
    }
    const { begin, size } = normalizeSliceAxis(starts[i], stops[i], steps[i], shape[axis]);
    attrs.begin[axis] = begin;
    attrs.step[axis] = steps[i];
    attrs.size[axis] = size;
  });
  return attrs;
}

/**
 * Takes elements `starts[i]`, `starts[i] + steps[i]`, … up to (not including) `stops[i]` along each
 * listed axis, with NumPy/ONNX rules: negative indices count from the end, out-of-range bounds are
 * clamped, negative steps walk backwards, and ±Infinity means "to the end".
 *
 * @example
 * slice(arange(10), [2], [8], { steps: [3] });              // [2, 5]
 * slice(x, [-1], [-Infinity], { axes: [1], steps: [-1] });  // x with axis 1 reversed
 */
export function slice(
  x: Tensor,
  starts: readonly number[],
  stops: readonly number[],
  options: SliceOptions = {},
): Tensor {
  checkTensor('slice', 'x', x);
  return runOp(sliceOp, [x], sliceAttrs(x.shape, starts, stops, options))[0];
}
