import { niceTicks } from './svg';

/** How values map to positions along an axis. */
export type ScaleKind = 'linear' | 'log';

/** A value → pixel mapping for one axis, with the ticks to label it. */
export interface Scale {
  /** Position in pixels of `value` (values outside the domain map outside the range). */
  at(value: number): number;
  /** The data values where ticks and grid lines go. */
  ticks: number[];
  /** The data interval the axis covers. */
  domain: readonly [number, number];
}

/** Options of `makeScale`. */
export interface ScaleOptions {
  kind?: ScaleKind;
  /** Fixed data interval; default: the span of `values`, widened to nice ticks. */
  domain?: readonly [number, number];
  /** Pixel interval `[start, end]`; `end < start` for a y axis, whose values grow upwards. */
  range: readonly [number, number];
  /** About how many ticks (default 5). */
  tickCount?: number;
  /** Keep only integer ticks (epochs, layers): used when every value is an integer. */
  isInteger?: boolean;
}

function logTicks(min: number, max: number): number[] {
  const first = Math.floor(Math.log10(min) + 1e-9);
  const last = Math.ceil(Math.log10(max) - 1e-9);
  const decades = Math.max(1, last - first);
  // Label every decade up to ~6 of them, then every 2nd, 3rd, ... so labels never collide.
  const stride = Math.ceil(decades / 6);
  const ticks: number[] = [];
  for (let exponent = first; exponent <= Math.max(last, first + 1); exponent += stride) {
    // Parse "1eK" rather than computing 10 ** K, which gives 9.999…e-6 for K = -5.
    ticks.push(Number(`1e${exponent}`));
  }
  return ticks;
}

/**
 * A linear or logarithmic scale over `values` (non-finite values, and non-positive ones on a log
 * scale, are ignored) with nice ticks that cover the domain: decades on a log scale, steps of 1, 2
 * or 5 × 10^k on a linear one.
 *
 * @example
 * const x = makeScale([1e-6, 3e-3], { kind: 'log', range: [60, 460] });
 * x.ticks; // [1e-6, 1e-5, 1e-4, 1e-3, 1e-2]
 */
export function makeScale(values: readonly number[], options: ScaleOptions): Scale {
  const kind = options.kind ?? 'linear';
  const usable = values.filter((v) => Number.isFinite(v) && (kind === 'linear' || v > 0));
  const [r0, r1] = options.range;
  if (kind === 'log') {
    const [low, high] = options.domain ?? [
      usable.length ? Math.min(...usable) : 1,
      usable.length ? Math.max(...usable) : 10,
    ];
    const ticks = options.domain
      ? logTicks(low, high).filter((t) => t >= low && t <= high)
      : logTicks(low, high);
    const d0 = options.domain ? low : Math.min(ticks[0], low);
    const d1 = options.domain ? high : Math.max(ticks[ticks.length - 1], high);
    const l0 = Math.log10(d0);
    const span = Math.log10(d1) - l0 || 1;
    return {
      at: (value) => r0 + ((Math.log10(value) - l0) / span) * (r1 - r0),
      ticks,
      domain: [d0, d1],
    };
  }
  const min = options.domain?.[0] ?? (usable.length ? Math.min(...usable) : 0);
  const max = options.domain?.[1] ?? (usable.length ? Math.max(...usable) : 1);
  let ticks = niceTicks(min, max, options.tickCount ?? 5);
  if (options.isInteger) {
    const integers = ticks.filter((t) => Number.isInteger(t));
    if (integers.length >= 2) ticks = integers;
  }
  const d0 = options.domain ? min : ticks[0];
  const d1 = options.domain ? max : ticks[ticks.length - 1];
  if (options.domain)
    ticks = ticks.filter((t) => t >= d0 - 1e-9 * Math.abs(d1 - d0) && t <= d1 + 1e-9 * Math.abs(d1 - d0));
  const span = d1 - d0 || 1;
  return { at: (value) => r0 + ((value - d0) / span) * (r1 - r0), ticks, domain: [d0, d1] };
}
