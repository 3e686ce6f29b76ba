import { drawAxes, drawLegend, legendWidth, type PlotArea, plotBox, svgOpen } from './axes';
import { makeScale, type ScaleKind } from './scale';
import { escapeHtml, px, seriesColor } from './svg';

/** One line of a chart: points in data coordinates. */
export interface ChartSeries {
  name: string;
  points: readonly (readonly [number, number])[];
  color?: string;
  isDashed?: boolean;
  /** `'line'` (default): a polyline; `'points'`: markers only (a scatter plot). */
  mode?: 'line' | 'points';
}

/** A line chart to draw as inline SVG. */
export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  /** Formats the y value in point tooltips (default: 4 significant digits). */
  formatY?: (y: number) => string;
  /** Formats x tick labels and tooltips (default: short numbers, 1e-4 style when tiny). */
  formatX?: (x: number) => string;
  width?: number;
  height?: number;
  /** Linear (default) or logarithmic axes; a log axis drops non-positive values. */
  xScale?: ScaleKind;
  yScale?: ScaleKind;
  /** Fixed axis intervals (e.g. `[0, 1]` for accuracy); default: the data's span. */
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  /** Point markers with tooltips; default: only when every series has at most 60 points. */
  hasMarkers?: boolean;
  /**
   * Where the legend goes; default `'inside'` (top right) for up to 5 series, else `'right'`
   * (outside the plot). `'inside-bottom'` suits rising curves such as accuracy.
   */
  legend?: 'inside' | 'inside-bottom' | 'right' | 'none';
}

const MARGIN = { top: 34, right: 16, bottom: 46, left: 64 };
const MAX_MARKED_POINTS = 60;

const defaultFormat = (value: number) => String(Number(value.toPrecision(4)));

/**
 * Draws a line chart (axes with nice ticks, one polyline and point markers per series, a legend)
 * as a self-contained `<svg>` element: no scripts, fonts or URLs. Non-finite points are skipped,
 * and so are non-positive ones on a log axis. Many series (loss curves of a dozen activations) get
 * a legend beside the plot; `mode: 'points'` series make it a scatter plot.
 *
 * @example
 * lineChart({ title: 'Loss', xLabel: 'epoch', yLabel: 'loss',
 *   series: [{ name: 'train', points: [[1, 0.5], [2, 0.3]] }] });
 */
export function lineChart(options: LineChartOptions): string {
  const legend = options.legend ?? (options.series.length > 5 ? 'right' : 'inside');
  // Room for the longest name at ~6.5 px per character of the 11 px legend font.
  const rightLegendWidth =
    legend === 'right' ? 40 + Math.ceil(6.5 * Math.max(0, ...options.series.map((s) => s.name.length))) : 0;
  const width = (options.width ?? 480) + rightLegendWidth;
  const height = options.height ?? 300;
  const formatY = options.formatY ?? defaultFormat;
  const formatX = options.formatX;
  const isUsable = (value: number, kind: ScaleKind | undefined) =>
    Number.isFinite(value) && (kind !== 'log' || value > 0);
  const series = options.series.map((s) => ({
    ...s,
    points: s.points.filter(([x, y]) => isUsable(x, options.xScale) && isUsable(y, options.yScale)),
  }));
  const all = series.flatMap((s) => s.points);
  const area: PlotArea = {
    width,
    height,
    margin: { ...MARGIN, right: MARGIN.right + rightLegendWidth },
  };
  const box = plotBox(area);
  const xs = all.map(([x]) => x);
  const x = makeScale(xs.length ? xs : [0, 1], {
    kind: options.xScale,
    domain: options.xDomain,
    range: box.x,
    tickCount: 6,
    isInteger: xs.length > 0 && xs.every((value) => Number.isInteger(value)),
  });
  const ys = all.map(([, y]) => y);
  const y = makeScale(ys.length ? ys : [0, 1], {
    kind: options.yScale,
    domain: options.yDomain,
    range: [box.y[1], box.y[0]],
  });
  const hasMarkers = options.hasMarkers ?? series.every((s) => s.points.length <= MAX_MARKED_POINTS);
  const parts = [
    ...svgOpen(width, height, options.title),
    ...drawAxes({ area, x, y, xLabel: options.xLabel, yLabel: options.yLabel, formatX }),
  ];
  const colors = series.map((s, index) => s.color ?? seriesColor(index, series.length));
  series.forEach((s, index) => {
    const color = colors[index];
    const dash = s.isDashed ? ' stroke-dasharray="6 4"' : '';
    if (s.mode !== 'points' && s.points.length > 1) {
      const coordinates = s.points.map(([px0, py0]) => `${px(x.at(px0))},${px(y.at(py0))}`).join(' ');
      parts.push(
        `<polyline points="${coordinates}" fill="none" stroke="${color}" stroke-width="${hasMarkers ? 2 : 1.5}"${dash}/>`,
      );
    }
    if (hasMarkers || s.mode === 'points') {
      for (const [px0, py0] of s.points) {
        const xText = formatX ? formatX(px0) : String(px0);
        parts.push(
          `<circle cx="${px(x.at(px0))}" cy="${px(y.at(py0))}" r="3" fill="${color}"${s.mode === 'points' ? ' fill-opacity="0.75"' : ''}><title>${escapeHtml(s.name)}, ${escapeHtml(options.xLabel)} ${escapeHtml(xText)}: ${escapeHtml(formatY(py0))}</title></circle>`,
        );
      }
    }
  });
  if (legend !== 'none') {
    const entries = series.map((s, index) => ({
      name: s.name,
      color: colors[index],
      isDashed: s.isDashed,
      shape: s.mode === 'points' ? ('dot' as const) : ('line' as const),
    }));
    const legendX = legend === 'right' ? box.x[1] + 12 : box.x[1] - legendWidth(entries);
    const legendY = legend === 'inside-bottom' ? box.y[1] - 8 - 16 * (entries.length - 1) : box.y[0] + 16;
    parts.push(...drawLegend(entries, legendX, legendY));
  }
  parts.push('</svg>');
  return parts.join('\n');
}
