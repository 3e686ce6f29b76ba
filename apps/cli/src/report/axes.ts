import type { Scale } from './scale';
import { escapeHtml, px, tickLabel } from './svg';

/** Space around a chart's plot area, in pixels. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Where a chart's plot area sits inside its SVG. */
export interface PlotArea {
  width: number;
  height: number;
  margin: Margin;
}

/** The plot area's pixel box: `[left, right]` and `[top, bottom]`. */
export function plotBox(area: PlotArea): { x: [number, number]; y: [number, number] } {
  const { margin } = area;
  return {
    x: [margin.left, area.width - margin.right],
    y: [margin.top, area.height - margin.bottom],
  };
}

/** What `svgOpen` writes: the element's size and its title (also its accessible name). */
export function svgOpen(width: number, height: number, title: string): string[] {
  return [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}">`,
    `<text x="${px(width / 2)}" y="18" text-anchor="middle" class="title">${escapeHtml(title)}</text>`,
  ];
}

/** Options of `drawAxes`. */
export interface AxesOptions {
  area: PlotArea;
  x: Scale;
  y: Scale;
  xLabel: string;
  yLabel: string;
  formatX?: (value: number) => string;
  formatY?: (value: number) => string;
  /** Draw the horizontal grid lines (default true). */
  hasGrid?: boolean;
}

/**
 * The frame, horizontal grid lines, tick labels and axis labels of a chart with two numeric axes,
 * as SVG element strings to put after `svgOpen` and before the data.
 *
 * @example
 * parts.push(...drawAxes({ area, x, y, xLabel: 'epoch', yLabel: 'loss' }));
 */
export function drawAxes(options: AxesOptions): string[] {
  const { area, x, y } = options;
  const box = plotBox(area);
  const formatX = options.formatX ?? tickLabel;
  const formatY = options.formatY ?? tickLabel;
  const parts: string[] = [];
  for (const tick of y.ticks) {
    const position = px(y.at(tick));
    if (options.hasGrid ?? true) {
      parts.push(`<line x1="${box.x[0]}" x2="${box.x[1]}" y1="${position}" y2="${position}" class="grid"/>`);
    }
    parts.push(
      `<text x="${box.x[0] - 6}" y="${px(y.at(tick) + 4)}" text-anchor="end" class="tick">${escapeHtml(formatY(tick))}</text>`,
    );
  }
  for (const tick of x.ticks) {
    parts.push(
      `<text x="${px(x.at(tick))}" y="${box.y[1] + 16}" text-anchor="middle" class="tick">${escapeHtml(formatX(tick))}</text>`,
    );
  }
  const plotWidth = box.x[1] - box.x[0];
  const plotHeight = box.y[1] - box.y[0];
  parts.push(
    `<rect x="${box.x[0]}" y="${box.y[0]}" width="${plotWidth}" height="${plotHeight}" class="frame"/>`,
    `<text x="${px(box.x[0] + plotWidth / 2)}" y="${area.height - 8}" text-anchor="middle" class="label">${escapeHtml(options.xLabel)}</text>`,
    `<text transform="translate(14 ${px(box.y[0] + plotHeight / 2)}) rotate(-90)" text-anchor="middle" class="label">${escapeHtml(options.yLabel)}</text>`,
  );
  return parts;
}

/** One legend entry: a colored swatch (line, dashed line or box) and its name. */
export interface LegendEntry {
  name: string;
  color: string;
  isDashed?: boolean;
  shape?: 'line' | 'box' | 'dot';
}

/** The width in pixels a legend of `entries` takes: swatch, gap and ~6.5 px per character. */
export function legendWidth(entries: readonly LegendEntry[]): number {
  return 30 + Math.ceil(6.5 * Math.max(0, ...entries.map((entry) => entry.name.length)));
}

/**
 * A legend as SVG strings: entries stacked from `(x, y)` downwards, 16 px apart, on a translucent
 * white box so it stays readable over data (contours, bars).
 *
 * @example
 * parts.push(...drawLegend([{ name: 'train', color: PALETTE[0] }], 380, 46));
 */
export function drawLegend(entries: readonly LegendEntry[], x: number, y: number): string[] {
  const background = `<rect x="${px(x - 4)}" y="${px(y - 13)}" width="${legendWidth(entries)}" height="${entries.length * 16 + 4}" fill="#fff" fill-opacity="0.8"/>`;
  return [
    background,
    ...entries.flatMap((entry, index) => {
      const top = y + index * 16;
      const swatch =
        entry.shape === 'box'
          ? `<rect x="${px(x)}" y="${px(top - 9)}" width="12" height="10" fill="${entry.color}"/>`
          : entry.shape === 'dot'
            ? `<circle cx="${px(x + 9)}" cy="${px(top - 4)}" r="3.5" fill="${entry.color}"/>`
            : `<line x1="${px(x)}" x2="${px(x + 18)}" y1="${px(top - 4)}" y2="${px(top - 4)}" stroke="${entry.color}" stroke-width="2"${entry.isDashed ? ' stroke-dasharray="6 4"' : ''}/>`;
      return [
        swatch,
        `<text x="${px(x + 24)}" y="${px(top)}" class="legend">${escapeHtml(entry.name)}</text>`,
      ];
    }),
  ];
}

/**
 * A legend in the top-right corner of the plot area `box`, as `drawLegend` draws it.
 *
 * @example
 * parts.push(...drawLegendTopRight(entries, plotBox(area)));
 */
export function drawLegendTopRight(
  entries: readonly LegendEntry[],
  box: { x: readonly [number, number]; y: readonly [number, number] },
): string[] {
  return drawLegend(entries, box.x[1] - legendWidth(entries), box.y[0] + 16);
}
