import { ArgumentError, Generator, permutationValues } from '@nagare/tensor';

/**
 * The labels in a random order (a fixed permutation from `seed`): every sample keeps a label from
 * the same distribution but no longer its own — the "deep nets fit random labels" experiment.
 *
 * @example
 * const random = shuffleLabels(labels, { seed: 3 });
 */
export function shuffleLabels(labels: ArrayLike<number>, options: { seed?: number } = {}): Int32Array {
  const order = permutationValues(labels.length, { seed: options.seed ?? 0 });
  return Int32Array.from(order, (i) => labels[i]);
}

/**
 * Replaces a `fraction` of the labels (chosen at random) with uniform random classes in
 * [0, numClasses), as in Zhang et al.'s partially corrupted labels.
 */
export function randomizeLabels(
  labels: ArrayLike<number>,
  fraction: number,
  numClasses: number,
  options: { seed?: number } = {},
): Int32Array {
  if (!(fraction >= 0 && fraction <= 1))
    throw new ArgumentError('randomizeLabels', `fraction must be in [0, 1], got ${fraction}`);
  if (!Number.isInteger(numClasses) || numClasses < 1)
    throw new ArgumentError('randomizeLabels', `numClasses must be a positive integer, got ${numClasses}`);
  const g = new Generator(options.seed ?? 0);
  const out = Int32Array.from(labels);
  const count = Math.round(fraction * out.length);
  const chosen = permutationValues(out.length, { seed: options.seed ?? 0 }).subarray(0, count);
  for (const i of chosen) out[i] = g.nextInt(numClasses);
  return out;
}
