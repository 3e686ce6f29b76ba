/** Escapes text for HTML and SVG element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Rounds a coordinate to 0.1 px, so the SVG stays small and exact enough. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * "Nice" tick values covering [min, max] (steps of 1, 2 or 5 × 10^k), about `count` of them.
 *
 * @example
 * niceTicks(0.03, 0.97, 5); // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const rough = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let value = first; value < max + step - 1e-9 * step; value += step) {
    ticks.push(Number(value.toPrecision(12)));
  }
  return ticks;
}

/** A tick label: short, without float noise. */
export function tickLabel(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4 || magnitude < 1e-3) return value.toExponential(0);
  return String(Number(value.toPrecision(6)));
}

/** Colors for series, readable on white and for common color-vision deficiencies (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

// Twelve distinguishable hues for charts with many series (the activations comparison): the
// Okabe–Ito colors first, then darker and lighter companions.
const WIDE_PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#8C564B',
  '#7F7F7F',
  '#BCBD22',
  '#9467BD',
  '#D62728',
];

/**
 * The color of series `index` out of `count`: the colorblind-safe `PALETTE` for up to 7 series, a
 * 12-hue palette beyond (repeating after 12).
 *
 * @example
 * seriesColor(8, 12); // '#7F7F7F'
 */
export function seriesColor(index: number, count: number): string {
  const palette = count <= PALETTE.length ? PALETTE : WIDE_PALETTE;
  return palette[index % palette.length];
}
