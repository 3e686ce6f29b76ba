import { ArgumentError } from '@nagare/tensor';
import { drawAxes, drawLegendTopRight, type PlotArea, plotBox, svgOpen } from './axes';
import { makeScale } from './scale';
import { escapeHtml, PALETTE, px } from './svg';

/** Counts of values in equal-width bins over `[min, max]`. */
export interface Histogram {
  min: number;
  max: number;
  /** `counts[i]` = values in `[min + i·w, min + (i+1)·w)`, the last bin closed; w = (max − min) / bins. */
  counts: readonly number[];
}

/** Options of `histogram`. */
export interface HistogramOptions {
  /** Number of bins (default 30). */
  bins?: number;
  /** Range of the bins; default the values' min and max. Values outside are not counted. */
  min?: number;
  max?: number;
}

/**
 * Bins `values` into equal-width bins (non-finite values are skipped).
 *
 * @example
 * histogram([0.1, 0.2, 0.9], { bins: 2, min: 0, max: 1 }).counts; // [2, 1]
 */
export function histogram(values: ArrayLike<number>, options: HistogramOptions = {}): Histogram {
  const bins = options.bins ?? 30;
  if (!Number.isInteger(bins) || bins < 1) {
    throw new ArgumentError('histogram', `bins must be a positive integer, got ${bins}`);
  }
  let min = options.min ?? Number.POSITIVE_INFINITY;
  let max = options.max ?? Number.NEGATIVE_INFINITY;
  if (options.min === undefined || options.max === undefined) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (!Number.isFinite(value)) continue;
      if (options.min === undefined && value < min) min = value;
      if (options.max === undefined && value > max) max = value;
    }
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) [min, max] = [0, 1];
  if (max <= min) max = min + 1;
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!(value >= min && value <= max)) continue;
    counts[Math.min(bins - 1, Math.floor((value - min) / width))]++;
  }
  return { min, max, counts };
}

/** One histogram on a chart; several overlay each other, translucent. */
export interface HistogramSeries {
  name: string;
  histogram: Histogram;
  color?: string;
}

/** What `histogramChart` draws. */
export interface HistogramChartOptions {
  title: string;
  xLabel: string;
  /** Default "count". */
  yLabel?: string;
  series: readonly HistogramSeries[];
  /** Fixed top of the y axis, so small multiples share a scale. */
  yMax?: number;
  width?: number;
  height?: number;
}

const MARGIN = { top: 30, right: 12, bottom: 40, left: 52 };

/**
 * Draws histograms as SVG bars (one rectangle per non-empty bin; several series overlay with
 * transparency and get a legend). Small sizes (160×120) make small multiples, such as the
 * per-layer activation histograms of a deep network.
 *
 * @example
 * histogramChart({ title: 'Layer 1', xLabel: 'activation',
 *   series: [{ name: 'sigmoid', histogram: histogram(values, { bins: 30, min: 0, max: 1 }) }] });
 */
export function histogramChart(options: HistogramChartOptions): string {
  const width = options.width ?? 320;
  const height = options.height ?? 220;
  const area: PlotArea = { width, height, margin: MARGIN };
  const box = plotBox(area);
  const ranges = options.series.map((s) => s.histogram);
  const x = makeScale(
    ranges.flatMap((h) => [h.min, h.max]),
    {
      range: box.x,
      tickCount: Math.max(2, Math.floor((box.x[1] - box.x[0]) / 50)),
      domain: ranges.length
        ? [Math.min(...ranges.map((h) => h.min)), Math.max(...ranges.map((h) => h.max))]
        : [0, 1],
    },
  );
  const top = options.yMax ?? Math.max(1, ...ranges.flatMap((h) => h.counts));
  const y = makeScale([0, top], {
    range: [box.y[1], box.y[0]],
    domain: options.yMax === undefined ? undefined : [0, options.yMax],
    tickCount: Math.max(2, Math.floor((box.y[1] - box.y[0]) / 35)),
  });
  const parts = [
    ...svgOpen(width, height, options.title),
    ...drawAxes({ area, x, y, xLabel: options.xLabel, yLabel: options.yLabel ?? 'count' }),
  ];
  const isOverlay = options.series.length > 1;
  options.series.forEach((s, index) => {
    const color = s.color ?? PALETTE[index % PALETTE.length];
    const { min, max, counts } = s.histogram;
    const binWidth = (max - min) / counts.length;
    counts.forEach((count, bin) => {
      if (count <= 0) return;
      const left = x.at(min + bin * binWidth);
      const right = x.at(min + (bin + 1) * binWidth);
      const barTop = y.at(Math.min(count, y.domain[1]));
      parts.push(
        `<rect x="${px(left)}" y="${px(barTop)}" width="${px(Math.max(0.5, right - left - 0.5))}" height="${px(box.y[1] - barTop)}" fill="${color}"${isOverlay ? ' fill-opacity="0.5"' : ''}><title>${escapeHtml(s.name)}: ${count} in [${Number((min + bin * binWidth).toPrecision(3))}, ${Number((min + (bin + 1) * binWidth).toPrecision(3))})</title></rect>`,
      );
    });
  });
  if (isOverlay) {
    const entries = options.series.map((s, index) => ({
      name: s.name,
      color: s.color ?? PALETTE[index % PALETTE.length],
      shape: 'box' as const,
    }));
    parts.push(...drawLegendTopRight(entries, box));
  }
  parts.push('</svg>');
  return parts.join('\n');
}
