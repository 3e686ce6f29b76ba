import { ArgumentError } from '@nagare/tensor';
import type { ParamRange, ParamValue, SearchSpace } from './space';

/** Options of `narrowSpace`. */
export interface NarrowOptions {
  /** Widen the span of the best values by this fraction on each side (default 0.25). */
  margin?: number;
}

function numericSpan(values: readonly number[], min: number, max: number, margin: number): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // A single best value still gets a small range around it: a margin of the whole range.
  const width = hi > lo ? hi - lo : max - min;
  return [Math.max(min, lo - margin * width), Math.min(max, hi + margin * width)];
}

function narrowRange(range: ParamRange, values: readonly ParamValue[], margin: number): ParamRange {
  switch (range.kind) {
    case 'uniform': {
      const [min, max] = numericSpan(values as number[], range.min, range.max, margin);
      return { kind: 'uniform', min, max };
    }
    case 'logUniform': {
      const logs = (values as number[]).map(Math.log);
      const [min, max] = numericSpan(logs, Math.log(range.min), Math.log(range.max), margin);
      return {
        kind: 'logUniform',
        min: Math.max(range.min, Math.exp(min)),
        max: Math.min(range.max, Math.exp(max)),
      };
    }
    case 'int': {
      const [min, max] = numericSpan(values as number[], range.min, range.max, margin);
      return {
        kind: 'int',
        min: Math.max(range.min, Math.floor(min)),
        max: Math.min(range.max, Math.ceil(max)),
      };
    }
    default:
      return { kind: 'choice', values: range.values.filter((value) => values.includes(value)) };
  }
}

/**
 * Shrinks every range of `space` to the span of the values the given (best) trials used, widened by
 * `margin` on each side and never beyond the original range; log-uniform ranges narrow in log space,
 * choices keep only the values the trials used. The lecture's second round of random search.
 *
 * @example
 * const best = rankTrials(result.trials, 'min').slice(0, 5);
 * const next = narrowSpace(space, best); // e.g. lr: logUniform(3e-4, 2e-2)
 */
export function narrowSpace<S extends SearchSpace>(
  space: S,
  trials: readonly { params: Record<string, ParamValue> }[],
  options: NarrowOptions = {},
): S {
  const margin = options.margin ?? 0.25;
  if (!(margin >= 0)) throw new ArgumentError('narrowSpace', `margin must be ≥ 0, got ${margin}`);
  if (trials.length === 0) throw new ArgumentError('narrowSpace', 'needs at least one trial');
  const narrowed: Record<string, ParamRange> = {};
  for (const [name, range] of Object.entries(space)) {
    const values = trials.map((trial) => trial.params[name]);
    if (values.some((value) => value === undefined))
      throw new ArgumentError('narrowSpace', `a trial has no value for parameter "${name}"`);
    narrowed[name] = narrowRange(range, values, margin);
  }
  return narrowed as S;
}
