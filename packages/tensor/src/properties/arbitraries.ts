// fast-check generators shared by the property tests: small shapes and values, so each file runs
// its ~100 cases per property in well under a second.
import fc from 'fast-check';

/** Every property runs this many cases from a fixed seed, so a failure reproduces on every run. */
export const PROPERTY_PARAMETERS = { numRuns: 100, seed: 0x6e616761 } as const;

/** A shape of rank 0..`maxRank` with lengths in [`minDim`, `maxDim`]. */
export function shapeArb(
  options: { maxRank?: number; minDim?: number; maxDim?: number; minRank?: number } = {},
) {
  const { maxRank = 4, minDim = 0, maxDim = 3, minRank = 0 } = options;
  return fc.array(fc.integer({ min: minDim, max: maxDim }), { minLength: minRank, maxLength: maxRank });
}

/** `size` finite values in [min, max], rounded to float32 so both float dtypes hold them exactly. */
export function valuesArb(size: number, min = -10, max = 10) {
  return fc.array(
    fc.double({ min, max, noNaN: true }).map((v) => Math.fround(v)),
    { minLength: size, maxLength: size },
  );
}

/** A shape together with values to fill it. */
export function filledShapeArb(options: Parameters<typeof shapeArb>[0] = {}, min = -10, max = 10) {
  return shapeArb(options).chain((shape) =>
    valuesArb(
      shape.reduce((p, d) => p * d, 1),
      min,
      max,
    ).map((values) => ({ shape, values })),
  );
}

/**
 * Two shapes that broadcast together: an output shape, and for each operand a suffix of it
 * (dropping leading axes) where any length may be replaced by 1.
 */
export function broadcastPairArb() {
  const operandOf = (out: readonly number[]) =>
    fc
      .integer({ min: 0, max: out.length })
      .chain((rank) =>
        fc
          .array(fc.boolean(), { minLength: rank, maxLength: rank })
          .map((isOne) => out.slice(out.length - rank).map((d, i) => (isOne[i] ? 1 : d))),
      );
  return shapeArb({ maxRank: 4, minDim: 0, maxDim: 3 }).chain((out) =>
    fc.tuple(operandOf(out), operandOf(out)),
  );
}

/** A permutation of 0..rank−1. */
export function permutationArb(rank: number) {
  return fc.shuffledSubarray(
    Array.from({ length: rank }, (_, i) => i),
    { minLength: rank, maxLength: rank },
  );
}

/** Row-major strides, written here rather than imported so the references share no code with the library. */
export function naiveStrides(shape: readonly number[]): number[] {
  return shape.map((_, i) => shape.slice(i + 1).reduce((p, d) => p * d, 1));
}

/** The multi-index of flat position `flat` in `shape`. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  return naiveStrides(shape).map((stride, i) => Math.floor(flat / stride) % shape[i]);
}
