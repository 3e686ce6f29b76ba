import { runOp } from '../engine/dispatch';
import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import type { PadMode } from '../op-attrs';
import { defineOp, type TensorSpec } from '../op-registry';
import { checkTensor } from '../operand';
import type { Tensor } from '../tensor';

const PAD_MODES: readonly PadMode[] = ['constant', 'reflect', 'edge', 'wrap'];

/** Validates pads against the input: one non-negative pair per axis, and enough elements to copy from. */
function checkPads(x: TensorSpec, pads: readonly (readonly [number, number])[], mode: PadMode): void {
  if (!PAD_MODES.includes(mode))
    throw new ArgumentError('pad', `mode must be one of ${PAD_MODES.join(', ')}, got "${mode}"`);
  if (!Array.isArray(pads) || pads.length !== x.shape.length) {
    throw new ShapeError(
      'pad',
      `pads needs one [before, after] pair per axis (${x.shape.length}), got ${Array.isArray(pads) ? pads.length : typeof pads}`,
      {
        x: x.shape,
      },
    );
  }
  pads.forEach((pair, axis) => {
    const isPair =
      Array.isArray(pair) && pair.length === 2 && pair.every((p) => Number.isInteger(p) && p >= 0);
    if (!isPair)
      throw new ArgumentError(
        'pad',
        `pads[${axis}] must be a [before, after] pair of non-negative integers, got ${JSON.stringify(pair)}`,
      );
    const dim = x.shape[axis];
    const widest = Math.max(pair[0], pair[1]);
    if (widest === 0 || mode === 'constant') return;
    // reflect mirrors around the edge element without repeating it, so it can add at most dim − 1.
    if (mode === 'reflect' && widest >= dim) {
      throw new ShapeError(
        'pad',
        `reflect padding ${widest} on axis ${axis} needs the axis longer than ${widest}`,
        { x: x.shape },
      );
    }
    if (dim === 0)
      throw new ShapeError('pad', `${mode} padding of axis ${axis} needs a non-empty axis`, { x: x.shape });
  });
}

const padOp = defineOp({
  name: 'pad',
  inputs: ['x'],
  infer: ([x], { pads, mode, value }) => {
    checkPads(x, pads, mode);
    if (typeof value !== 'number')
      throw new ArgumentError('pad', `value must be a number, got ${typeof value}`);
    return [{ shape: x.shape.map((d, a) => d + pads[a][0] + pads[a][1]), dtype: x.dtype }];
  },
});

/** Options of `pad`. */
export interface PadOptions {
  /**
   * How new elements are filled: `constant` (`value`), `reflect` (mirror without repeating the
   * edge, NumPy/PyTorch "reflect"), `edge` (repeat the edge element), `wrap` (continue periodically).
   */
  mode?: PadMode;
  /** The fill value of constant mode (default 0). */
  value?: number;
}

/**
 * Adds `pads[axis][0]` elements before and `pads[axis][1]` after each axis. `pads` has one pair per
 * axis of `x`; reflect padding must be shorter than the axis it mirrors.
 *
 * @example
 * pad(tensor([1, 2, 3]), [[2, 1]]);                      // [0, 0, 1, 2, 3, 0]
 * pad(tensor([1, 2, 3]), [[2, 1]], { mode: 'reflect' }); // [3, 2, 1, 2, 3, 2]
 */
export function pad(
  x: Tensor,
  pads: readonly (readonly [number, number])[],
  options: PadOptions = {},
): Tensor {
  checkTensor('pad', 'x', x);
  const mode = options.mode ?? 'constant';
  checkPads(x, pads, mode);
  const attrs = {
    pads: pads.map(([before, after]): [number, number] => [before, after]),
    mode,
    value: options.value ?? 0,
  };
  return runOp(padOp, [x], attrs)[0];
}
