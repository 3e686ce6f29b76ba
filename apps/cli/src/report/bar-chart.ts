import { drawAxes, drawLegendTopRight, type PlotArea, plotBox, svgOpen } from './axes';
import { makeScale } from './scale';
import { escapeHtml, PALETTE, px, tickLabel } from './svg';

/** One group member of a bar chart: a value per category. */
export interface BarSeries {
  name: string;
  /** `values[i]` belongs to `categories[i]`; null leaves a gap. */
  values: readonly (number | null)[];
  color?: string;
}

/** What `barChart` draws. */
export interface BarChartOptions {
  title: string;
  xLabel?: string;
  yLabel: string;
  categories: readonly string[];
  /** One series draws plain bars; several draw grouped bars with a legend. */
  series: readonly BarSeries[];
  /** Fixed y interval; default from 0 (or the smallest negative value) to the largest value. */
  yDomain?: readonly [number, number];
  /** Formats values in tooltips and tick labels. */
  formatY?: (value: number) => string;
  /** Draw each value above its bar (default true when there are at most 16 bars). */
  hasValueLabels?: boolean;
  width?: number;
  height?: number;
}

const MARGIN = { top: 34, right: 16, bottom: 58, left: 64 };

/**
 * Draws a bar chart as SVG: one bar per category, or grouped bars for several series (accuracy of
 * each model, with and without a technique), growing up or down from 0.
 *
 * @example
 * barChart({ title: 'Test accuracy', yLabel: 'accuracy', categories: ['relu', 'tanh'],
 *   series: [{ name: 'test', values: [0.979, 0.968] }] });
 */
export function barChart(options: BarChartOptions): string {
  const width =
    options.width ?? Math.max(360, 90 + options.categories.length * (18 + 16 * options.series.length));
  const height = options.height ?? 300;
  const area: PlotArea = { width, height, margin: MARGIN };
  const box = plotBox(area);
  const values = options.series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const y = makeScale([0, ...values], { range: [box.y[1], box.y[0]], domain: options.yDomain });
  const formatY = options.formatY ?? tickLabel;
  const x = { at: (value: number) => value, ticks: [] as number[], domain: [0, 1] as const };
  const parts = [
    ...svgOpen(width, height, options.title),
    ...drawAxes({ area, x, y, xLabel: options.xLabel ?? '', yLabel: options.yLabel, formatY }),
  ];
  const groupWidth = (box.x[1] - box.x[0]) / Math.max(1, options.categories.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, options.series.length);
  const zero = y.at(Math.min(Math.max(0, y.domain[0]), y.domain[1]));
  const barCount = options.categories.length * options.series.length;
  const hasValueLabels = options.hasValueLabels ?? barCount <= 16;
  options.categories.forEach((category, c) => {
    const groupLeft = box.x[0] + c * groupWidth + groupWidth * 0.1;
    options.series.forEach((s, index) => {
      const value = s.values[c];
      if (value === null || value === undefined || !Number.isFinite(value)) return;
      const color = s.color ?? PALETTE[index % PALETTE.length];
      const end = y.at(Math.min(Math.max(value, y.domain[0]), y.domain[1]));
      const left = groupLeft + index * barWidth;
      parts.push(
        `<rect x="${px(left)}" y="${px(Math.min(zero, end))}" width="${px(Math.max(1, barWidth - 1))}" height="${px(Math.abs(zero - end))}" fill="${color}"><title>${escapeHtml(`${category}, ${s.name}: ${formatY(value)}`)}</title></rect>`,
      );
      if (hasValueLabels) {
        parts.push(
          `<text x="${px(left + barWidth / 2)}" y="${px(value >= 0 ? end - 3 : end + 11)}" text-anchor="middle" class="cell">${escapeHtml(formatY(value))}</text>`,
        );
      }
    });
    parts.push(
      `<text x="${px(box.x[0] + (c + 0.5) * groupWidth)}" y="${box.y[1] + 16}" text-anchor="middle" class="tick">${escapeHtml(category)}</text>`,
    );
  });
  if (options.series.length > 1) {
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
