import { ArgumentError, type Generator } from '@nagare/tensor';

/** A value a hyper-parameter can take. */
export type ParamValue = number | string | boolean;

/** A continuous range sampled uniformly: U(min, max). */
export interface UniformRange {
  readonly kind: 'uniform';
  readonly min: number;
  readonly max: number;
}

/** A positive range sampled uniformly in log space (learning rates, weight decay). */
export interface LogUniformRange {
  readonly kind: 'logUniform';
  readonly min: number;
  readonly max: number;
}

/** Integers min…max (both included), equally likely. */
export interface IntRange {
  readonly kind: 'int';
  readonly min: number;
  readonly max: number;
}

/** One of a list of values, equally likely. */
export interface ChoiceRange<T extends ParamValue = ParamValue> {
  readonly kind: 'choice';
  readonly values: readonly T[];
}

/** The range of one hyper-parameter. */
export type ParamRange = UniformRange | LogUniformRange | IntRange | ChoiceRange;

/** Hyper-parameters by name. */
export type SearchSpace = Record<string, ParamRange>;

/** One point of a search space: numbers for ranges, the listed type for choices. */
export type ParamsOf<S extends SearchSpace> = {
  [K in keyof S]: S[K] extends ChoiceRange<infer T> ? T : number;
};

function checkBounds(op: string, min: number, max: number, isPositive = false): void {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max || (isPositive && min <= 0))
    throw new ArgumentError(
      op,
      `needs finite bounds with ${isPositive ? '0 < ' : ''}min ≤ max, got [${min}, ${max}]`,
    );
}

/**
 * A range sampled uniformly between `min` and `max`.
 *
 * @example
 * const space = { dropout: uniform(0, 0.5) };
 */
export function uniform(min: number, max: number): UniformRange {
  checkBounds('uniform', min, max);
  return { kind: 'uniform', min, max };
}

/**
 * A positive range sampled uniformly in log space, so each decade is equally likely (the lecture's
 * way to search learning rates and weight decay).
 *
 * @example
 * const space = { lr: logUniform(1e-6, 1e-2), weightDecay: logUniform(1e-8, 1e-4) };
 */
export function logUniform(min: number, max: number): LogUniformRange {
  checkBounds('logUniform', min, max, true);
  return { kind: 'logUniform', min, max };
}

/**
 * The integers from `min` to `max`, both included.
 *
 * @example
 * const space = { layers: intRange(1, 4) };
 */
export function intRange(min: number, max: number): IntRange {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min > max)
    throw new ArgumentError('intRange', `needs integers min ≤ max, got [${min}, ${max}]`);
  return { kind: 'int', min, max };
}

/**
 * One of `values`.
 *
 * @example
 * const space = { hidden: choice([32, 64, 128]), optimizer: choice(['sgd', 'adam']) };
 */
export function choice<const T extends ParamValue>(values: readonly T[]): ChoiceRange<T> {
  if (!Array.isArray(values) || values.length === 0)
    throw new ArgumentError('choice', 'needs at least one value');
  return { kind: 'choice', values: [...values] };
}

/** Draws one value of `range`. */
export function sampleRange(range: ParamRange, generator: Generator): ParamValue {
  switch (range.kind) {
    case 'uniform':
      return range.min + (range.max - range.min) * generator.nextFloat();
    case 'logUniform': {
      const [lo, hi] = [Math.log(range.min), Math.log(range.max)];
      return Math.exp(lo + (hi - lo) * generator.nextFloat());
    }
    case 'int':
      return range.min + generator.nextInt(range.max - range.min + 1);
    case 'choice':
      return range.values[generator.nextInt(range.values.length)];
    default:
      throw new ArgumentError('sampleParams', `unknown range kind "${(range as { kind: string }).kind}"`);
  }
}

/**
 * Draws one point of a search space (each parameter in the space's key order).
 *
 * @example
 * sampleParams({ lr: logUniform(1e-4, 1e-1) }, new Generator(0)); // { lr: 0.0031… }
 */
export function sampleParams<S extends SearchSpace>(space: S, generator: Generator): ParamsOf<S> {
  const params: Record<string, ParamValue> = {};
  for (const [name, range] of Object.entries(space)) params[name] = sampleRange(range, generator);
  return params as ParamsOf<S>;
}
