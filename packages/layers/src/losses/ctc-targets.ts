import {
  ArgumentError,
  checkedElementCount,
  DTypeError,
  isFloat,
  ShapeError,
  type Tensor,
} from '@nagare/tensor';

/** The CTC problem on the host: lengths, and each sample's label sequence with blanks between. */
export interface CtcPlan {
  steps: number;
  batch: number;
  classes: number;
  inputLengths: number[];
  targetLengths: number[];
  /** Extended states per sample (2·max target length + 1): blank, l₁, blank, l₂, …, blank. */
  states: number;
  /** [N·states] class of each extended state (blank past a sample's own 2·Sₙ + 1 states). */
  extendedLabels: Int32Array;
  /** [N·states] 1 where a path may skip from state s − 2 (s is a label unlike the one two back). */
  skipAllowed: Float64Array;
}

function readLengths(op: string, name: string, lengths: readonly number[] | Tensor, batch: number): number[] {
  const values = Array.from(Array.isArray(lengths) ? lengths : (lengths as Tensor).dataSync());
  if (values.length !== batch)
    throw new ShapeError(op, `${name} must have one length per sample (${batch})`, {
      [name]: [values.length],
    });
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0)
      throw new ArgumentError(op, `${name} must hold integers ≥ 0, got ${value}`);
  }
  return values;
}

/** Each sample's target labels, from padded `[N, S]` or concatenated 1-D targets. */
function readTargets(op: string, targets: Tensor, targetLengths: number[]): number[][] {
  const values = targets.dataSync();
  const batch = targetLengths.length;
  if (targets.rank === 2) {
    if (targets.shape[0] !== batch)
      throw new ShapeError(op, `padded targets must be [N, S] with N = ${batch}`, { targets: targets.shape });
    const width = targets.shape[1];
    return targetLengths.map((length, n) => {
      if (length > width)
        throw new ArgumentError(
          op,
          `target length ${length} of sample ${n} exceeds the padded width ${width}`,
        );
      return Array.from(values.subarray(n * width, n * width + length));
    });
  }
  if (targets.rank !== 1)
    throw new ShapeError(op, 'targets must be padded [N, S] or concatenated 1-D', { targets: targets.shape });
  const total = targetLengths.reduce((a, b) => a + b, 0);
  if (total !== values.length)
    throw new ShapeError(op, `concatenated targets must hold Σ targetLengths = ${total} labels`, {
      targets: targets.shape,
    });
  let start = 0;
  return targetLengths.map((length) => {
    start += length;
    return Array.from(values.subarray(start - length, start));
  });
}

/** Validates a CTC problem (everything on the host, before any tensor is made) and plans its states. */
export function planCtc(
  op: string,
  logProbs: Tensor,
  targets: Tensor,
  inputLengthsInput: readonly number[] | Tensor,
  targetLengthsInput: readonly number[] | Tensor,
  blank: number,
): CtcPlan {
  if (logProbs.rank !== 3)
    throw new ShapeError(op, 'logProbs must be [T, N, C] (time, batch, classes)', {
      logProbs: logProbs.shape,
    });
  if (!isFloat(logProbs.dtype))
    throw new DTypeError(op, 'logProbs must be float', { logProbs: logProbs.dtype });
  if (targets.dtype !== 'int32')
    throw new DTypeError(op, 'targets must be int32', { targets: targets.dtype });
  const [steps, batch, classes] = logProbs.shape;
  if (!Number.isInteger(blank) || blank < 0 || blank >= classes)
    throw new ArgumentError(op, `blank must be a class index in [0, ${classes}), got ${blank}`);
  const inputLengths = readLengths(op, 'inputLengths', inputLengthsInput, batch);
  const targetLengths = readLengths(op, 'targetLengths', targetLengthsInput, batch);
  for (const length of inputLengths) {
    if (length < 1 || length > steps)
      throw new ArgumentError(op, `every input length must be in [1, ${steps}], got ${length}`);
  }
  const labels = readTargets(op, targets, targetLengths);
  const states = 2 * Math.max(0, ...targetLengths) + 1;
  const size = checkedElementCount(op, [batch, states]);
  const extendedLabels = new Int32Array(size).fill(blank);
  const skipAllowed = new Float64Array(size);
  labels.forEach((sequence, n) => {
    sequence.forEach((label, i) => {
      if (!Number.isInteger(label) || label < 0 || label >= classes || label === blank)
        throw new ArgumentError(
          op,
          `target ${label} of sample ${n} is not a non-blank class in [0, ${classes})`,
        );
      const s = 2 * i + 1;
      extendedLabels[n * states + s] = label;
      if (i > 0 && sequence[i - 1] !== label) skipAllowed[n * states + s] = 1;
    });
  });
  return { steps, batch, classes, inputLengths, targetLengths, states, extendedLabels, skipAllowed };
}
