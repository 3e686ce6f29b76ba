import { ArgumentError, permutationValues } from '@nagare/tensor';
import { type Dataset, subset } from './dataset';

function shuffledIndices(n: number, seed: number): number[] {
  return Array.from(permutationValues(n, { seed }));
}

/** Sizes from fractions (summing to 1) or absolute counts (summing to the length). */
function resolveSizes(op: string, parts: readonly number[], length: number): number[] {
  if (parts.some((p) => !(p >= 0)))
    throw new ArgumentError(op, `parts must be non-negative, got [${parts.join(', ')}]`);
  const total = parts.reduce((a, b) => a + b, 0);
  if (parts.every(Number.isInteger) && total === length) return [...parts];
  if (Math.abs(total - 1) > 1e-9)
    throw new ArgumentError(
      op,
      `parts [${parts.join(', ')}] must sum to 1 or to the dataset length ${length}`,
    );
  const sizes = parts.map((p) => Math.floor(p * length));
  // Hand the remainder out round-robin so the sizes add up to the length exactly.
  for (let i = 0; sizes.reduce((a, b) => a + b, 0) < length; i++) sizes[i % sizes.length]++;
  return sizes;
}

/**
 * Splits into disjoint random subsets by fractions or counts.
 *
 * @example
 * const [train, val] = randomSplit(ds, [0.8, 0.2], { seed: 0 });
 */
export function randomSplit<T>(
  dataset: Dataset<T>,
  parts: readonly number[],
  options: { seed?: number } = {},
): Dataset<T>[] {
  const sizes = resolveSizes('randomSplit', parts, dataset.length);
  const order = shuffledIndices(dataset.length, options.seed ?? 0);
  const starts = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  return sizes.map((size, i) => subset(dataset, order.slice(starts[i], starts[i] + size)));
}

/** Options of trainValSplit. */
export interface TrainValOptions {
  /** Fraction held out for validation (default 0.2, as in the lecture). */
  val?: number;
  seed?: number;
  /** Keep each class's share equal in both parts; needs the label of each sample. */
  stratify?: (index: number) => number;
}

/**
 * Holds out a validation fraction (default 20%), optionally stratified by label.
 *
 * @example
 * const { train, val } = trainValSplit(ds, { val: 0.2, seed: 1 });
 */
export function trainValSplit<T>(
  dataset: Dataset<T>,
  options: TrainValOptions = {},
): { train: Dataset<T>; val: Dataset<T> } {
  const fraction = options.val ?? 0.2;
  if (!(fraction > 0 && fraction < 1))
    throw new ArgumentError('trainValSplit', `val must be in (0, 1), got ${fraction}`);
  const order = shuffledIndices(dataset.length, options.seed ?? 0);
  if (!options.stratify) {
    const nVal = Math.round(fraction * dataset.length);
    return { val: subset(dataset, order.slice(0, nVal)), train: subset(dataset, order.slice(nVal)) };
  }
  const byClass = new Map<number, number[]>();
  for (const i of order) {
    const label = options.stratify(i);
    byClass.set(label, [...(byClass.get(label) ?? []), i]);
  }
  const train: number[] = [];
  const val: number[] = [];
  for (const members of byClass.values()) {
    const nVal = Math.round(fraction * members.length);
    val.push(...members.slice(0, nVal));
    train.push(...members.slice(nVal));
  }
  return { train: subset(dataset, train), val: subset(dataset, val) };
}

/**
 * k-fold cross-validation: k (train, val) pairs whose val parts are disjoint and cover the data.
 */
export function kFold<T>(
  dataset: Dataset<T>,
  k: number,
  options: { seed?: number } = {},
): { train: Dataset<T>; val: Dataset<T> }[] {
  if (!Number.isInteger(k) || k < 2 || k > dataset.length)
    throw new ArgumentError('kFold', `k must be an integer in [2, ${dataset.length}], got ${k}`);
  const order = shuffledIndices(dataset.length, options.seed ?? 0);
  return Array.from({ length: k }, (_, fold) => {
    const start = Math.floor((fold * order.length) / k);
    const end = Math.floor(((fold + 1) * order.length) / k);
    return {
      val: subset(dataset, order.slice(start, end)),
      train: subset(dataset, [...order.slice(0, start), ...order.slice(end)]),
    };
  });
}
