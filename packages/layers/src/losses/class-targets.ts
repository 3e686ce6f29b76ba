import {
  ArgumentError,
  add,
  arange,
  cast,
  DTypeError,
  gather,
  isFloat,
  mul,
  ne,
  ShapeError,
  shapesEqual,
  type Tensor,
  type TypedArray,
  tensor,
  transpose,
  where,
} from '@nagare/tensor';

/** The class axis of a loss input: 1 for `[N, C, ...]`, 0 for an unbatched `[C]`. */
export function classAxis(input: Tensor): number {
  return input.rank >= 2 ? 1 : 0;
}

/** A class weight [C] reshaped to [C, 1, …] so it broadcasts over the axes after the class axis. */
export function classShaped(weight: Tensor, input: Tensor): Tensor {
  return weight.reshape([
    weight.shape[0],
    ...new Array<number>(Math.max(input.rank - classAxis(input) - 1, 0)).fill(1),
  ]);
}

/** Input with the class axis moved last: `[N, C, d…]` → `[N, d…, C]`. */
export function classesLast(input: Tensor): Tensor {
  if (input.rank <= 2) return input;
  const perm = [0, ...Array.from({ length: input.rank - 2 }, (_, i) => i + 2), 1];
  return transpose(input, perm);
}

/**
 * Checks class-index targets: int32, the input's shape without the class axis, each in [0, C) or
 * ignored. Returns the target values it read on the host, so the loss need not read them again.
 * On a backend that reads only asynchronously (WebGPU) the range check needs a host read and is
 * skipped, as gather's index check is there, and the result is null: nothing is read.
 */
export function checkClassTargets(
  op: string,
  input: Tensor,
  target: Tensor,
  ignoreIndex: number,
  weight?: Tensor,
): TypedArray | null {
  if (input.rank === 0) throw new ShapeError(op, 'input must be [N, C, ...] or [C]', { input: input.shape });
  if (!isFloat(input.dtype)) throw new DTypeError(op, 'input must be float', { input: input.dtype });
  if (target.dtype !== 'int32')
    throw new DTypeError(op, 'class-index targets must be int32', { target: target.dtype });
  const axis = classAxis(input);
  const classes = input.shape[axis];
  const expected = input.shape.filter((_, i) => i !== axis);
  if (!shapesEqual(expected, target.shape)) {
    throw new ShapeError(
      op,
      `target must have the input's shape without the class axis, [${expected.join(', ')}]`,
      {
        input: input.shape,
        target: target.shape,
      },
    );
  }
  if (weight && (weight.rank !== 1 || weight.shape[0] !== classes)) {
    throw new ShapeError(op, `weight must have one value per class, [${classes}]`, {
      input: input.shape,
      weight: weight.shape,
    });
  }
  if (target.storage.backend.readsAsyncOnly) return null;
  // A wrong class index would silently pick another row; check on the host as PyTorch's CPU path does.
  const values = target.dataSync();
  for (const value of values) {
    if (value !== ignoreIndex && (value < 0 || value >= classes)) {
      throw new ArgumentError(
        op,
        `target ${value} is out of range for ${classes} classes (ignoreIndex ${ignoreIndex})`,
      );
    }
  }
  return values;
}

/**
 * For each target position: the input entry of its class (`picked`) and its weight (`weights`:
 * the class weight, or 1; 0 where the target is `ignoreIndex`). Both have the target's shape.
 */
export function pickClassEntries(
  input: Tensor,
  target: Tensor,
  ignoreIndex: number,
  weight?: Tensor,
): { picked: Tensor; weights: Tensor } {
  const classes = input.shape[classAxis(input)];
  const rows = classesLast(input).reshape([-1]);
  const flatTarget = target.reshape([-1]);
  const isKept = ne(flatTarget, ignoreIndex);
  const safeTarget = where(isKept, flatTarget, 0);
  // Row r's class c sits at r·C + c of the flattened [M, C] input.
  const positions = add(mul(arange(flatTarget.size), classes), safeTarget);
  const picked = gather(rows, positions).reshape(target.shape);
  const classWeights = weight ? where(isKept, gather(weight, safeTarget), 0) : cast(isKept, input.dtype);
  return { picked, weights: classWeights.reshape(target.shape) };
}

/**
 * The input entry of each target's class, when the target values are known on the host and none
 * is ignored: one gather at host-computed positions instead of the masking ops above. Every
 * weight would be 1, so the loss is the same to the bit without them.
 */
export function pickClassEntriesUnweighted(input: Tensor, target: Tensor, values: TypedArray): Tensor {
  const classes = input.shape[classAxis(input)];
  const rows = classesLast(input).reshape([-1]);
  // Row r's class c sits at r·C + c of the flattened [M, C] input.
  const positions = new Int32Array(values.length);
  for (let r = 0; r < values.length; r++) positions[r] = r * classes + values[r];
  const picked = gather(rows, tensor(positions, { dtype: 'int32' }));
  return target.rank === 1 ? picked : picked.reshape(target.shape);
}
