import { escapeHtml, niceTicks, PALETTE, px, tickLabel } from './svg';

/** One line of a chart: points in data coordinates. */
export interface ChartSeries {
  name: string;
  points: readonly (readonly [number, number])[];
  color?: string;
  isDashed?: boolean;
}

/** A line chart to draw as inline SVG. */
export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  /** Formats the y value in point tooltips (default: 4 significant digits). */
  formatY?: (y: number) => string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 34, right: 16, bottom: 46, left: 64 };

/**
 * Draws a line chart (axes with nice ticks, one polyline and point markers per series, a legend)
 * as a self-contained `<svg>` element: no scripts, fonts or URLs. Non-finite points are skipped.
 *
 * @example
 * lineChart({ title: 'Loss', xLabel: 'epoch', yLabel: 'loss',
 *   series: [{ name: 'train', points: [[1, 0.5], [2, 0.3]] }] });
 */
export function lineChart(options: LineChartOptions): string {
  const width = options.width ?? 480;
  const height = options.height ?? 300;
  const formatY = options.formatY ?? ((y: number) => String(Number(y.toPrecision(4))));
  const series = options.series.map((s) => ({
    ...s,
    points: s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)),
  }));
  const all = series.flatMap((s) => s.points);
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => y);
  const xTicks = niceTicks(Math.min(...xs, 0), Math.max(...xs, 1), 6).filter((t) => Number.isInteger(t));
  const yTicks = niceTicks(all.length ? Math.min(...ys) : 0, all.length ? Math.max(...ys) : 1, 5);
  const [x0, x1] = [xTicks[0], xTicks[xTicks.length - 1]];
  const [y0, y1] = [yTicks[0], yTicks[yTicks.length - 1]];
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + ((x - x0) / (x1 - x0 || 1)) * plotW;
  const sy = (y: number) => MARGIN.top + plotH - ((y - y0) / (y1 - y0 || 1)) * plotH;

  const parts: string[] = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<text x="${width / 2}" y="20" text-anchor="middle" class="title">${escapeHtml(options.title)}</text>`,
  ];
  for (const tick of yTicks) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${px(sy(tick))}" y2="${px(sy(tick))}" class="grid"/>`,
      `<text x="${MARGIN.left - 6}" y="${px(sy(tick) + 4)}" text-anchor="end" class="tick">${tickLabel(tick)}</text>`,
    );
  }
  for (const tick of xTicks) {
    parts.push(
      `<text x="${px(sx(tick))}" y="${MARGIN.top + plotH + 16}" text-anchor="middle" class="tick">${tickLabel(tick)}</text>`,
    );
  }
  parts.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" class="frame"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${height - 8}" text-anchor="middle" class="label">${escapeHtml(options.xLabel)}</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" class="label">${escapeHtml(options.yLabel)}</text>`,
  );
  series.forEach((s, index) => {
    const color = s.color ?? PALETTE[index % PALETTE.length];
    const dash = s.isDashed ? ' stroke-dasharray="6 4"' : '';
    const coordinates = s.points.map(([x, y]) => `${px(sx(x))},${px(sy(y))}`).join(' ');
    if (s.points.length > 1) {
      parts.push(`<polyline points="${coordinates}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`);
    }
    for (const [x, y] of s.points) {
      parts.push(
        `<circle cx="${px(sx(x))}" cy="${px(sy(y))}" r="3" fill="${color}"><title>${escapeHtml(s.name)}, ${escapeHtml(options.xLabel)} ${x}: ${escapeHtml(formatY(y))}</title></circle>`,
      );
    }
    const legendY = MARGIN.top + 12 + index * 16;
    const legendX = MARGIN.left + plotW - 110;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 18}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${color}" stroke-width="2"${dash}/>`,
      `<text x="${legendX + 24}" y="${legendY}" class="legend">${escapeHtml(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
