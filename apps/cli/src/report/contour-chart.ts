import { drawAxes, drawLegendTopRight, type PlotArea, plotBox, svgOpen } from './axes';
import { makeScale } from './scale';
import { escapeHtml, PALETTE, px } from './svg';

/** A path drawn over the contours: the points an optimizer visited, in order. */
export interface ContourPath {
  name: string;
  points: readonly (readonly [number, number])[];
  color?: string;
}

/** What `contourChart` draws. */
export interface ContourChartOptions {
  title: string;
  xLabel?: string;
  yLabel?: string;
  /** The function whose level sets are drawn. */
  f: (x: number, y: number) => number;
  xRange: readonly [number, number];
  yRange: readonly [number, number];
  /** Level values, or how many levels spaced by the square root of f's range (default 12). */
  levels?: readonly number[] | number;
  /** Samples of f along each axis (default 80). */
  resolution?: number;
  paths?: readonly ContourPath[];
  /** A point to mark with a cross (the minimum). */
  marker?: readonly [number, number];
  width?: number;
  height?: number;
}

type Segment = [number, number, number, number];

const MARGIN = { top: 30, right: 16, bottom: 42, left: 52 };

// Quadratic-looking bowls have level sets bunched near the minimum when spaced linearly in f;
// spacing levels in √f spreads the ellipses evenly, as textbook contour figures do.
function defaultLevels(values: Float64Array, count: number): number[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const span = Math.sqrt(Math.max(0, max - min));
  return Array.from({ length: count }, (_, i) => min + (((i + 1) / (count + 1)) * span) ** 2);
}

/**
 * The line segments where the piecewise-linear interpolation of `values` (an `nx × ny` grid
 * sampled at `xs[i]`, `ys[j]`, value at `values[j * nx + i]`) crosses `level`: marching squares.
 *
 * @example
 * isolineSegments([0, 1], [0, 1], Float64Array.of(0, 1, 0, 1), 0.5); // [[0.5, 0, 0.5, 1]]
 */
export function isolineSegments(
  xs: readonly number[],
  ys: readonly number[],
  values: Float64Array,
  level: number,
): Segment[] {
  const nx = xs.length;
  const segments: Segment[] = [];
  const crossing = (i0: number, j0: number, i1: number, j1: number): [number, number] => {
    const a = values[j0 * nx + i0];
    const b = values[j1 * nx + i1];
    const t = (level - a) / (b - a);
    return [xs[i0] + t * (xs[i1] - xs[i0]), ys[j0] + t * (ys[j1] - ys[j0])];
  };
  for (let j = 0; j + 1 < ys.length; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      // Corners counter-clockwise from (i, j); each edge joins corner k and k+1.
      const corners: [number, number][] = [
        [i, j],
        [i + 1, j],
        [i + 1, j + 1],
        [i, j + 1],
      ];
      const points: [number, number][] = [];
      for (let k = 0; k < 4; k++) {
        const [i0, j0] = corners[k];
        const [i1, j1] = corners[(k + 1) % 4];
        const isAbove0 = values[j0 * nx + i0] >= level;
        const isAbove1 = values[j1 * nx + i1] >= level;
        if (isAbove0 !== isAbove1) points.push(crossing(i0, j0, i1, j1));
      }
      // Two crossings: one segment; four (a saddle): pair them in edge order.
      for (let k = 0; k + 1 < points.length; k += 2) {
        segments.push([points[k][0], points[k][1], points[k + 1][0], points[k + 1][1]]);
      }
    }
  }
  return segments;
}

/**
 * Draws the contour lines of `f(x, y)` over a rectangle, with paths (optimizer trajectories) on
 * top: each path a polyline with a dot per visited point, starting at a larger hollow dot.
 *
 * @example
 * contourChart({ title: 'f(x, y) = x²/20 + y²', f: (x, y) => x * x / 20 + y * y,
 *   xRange: [-10, 10], yRange: [-5, 5], paths: [{ name: 'SGD', points: [[-7, 2], [-6.3, -1.8]] }] });
 */
export function contourChart(options: ContourChartOptions): string {
  const width = options.width ?? 480;
  const height = options.height ?? 320;
  const area: PlotArea = { width, height, margin: MARGIN };
  const box = plotBox(area);
  const x = makeScale([], { domain: options.xRange, range: box.x });
  const y = makeScale([], { domain: options.yRange, range: [box.y[1], box.y[0]] });
  const resolution = options.resolution ?? 80;
  const grid = (range: readonly [number, number]) =>
    Array.from({ length: resolution }, (_, i) => range[0] + (i / (resolution - 1)) * (range[1] - range[0]));
  const xs = grid(options.xRange);
  const ys = grid(options.yRange);
  const values = new Float64Array(resolution * resolution);
  ys.forEach((yValue, j) => {
    xs.forEach((xValue, i) => {
      values[j * resolution + i] = options.f(xValue, yValue);
    });
  });
  const levels =
    typeof options.levels === 'object' ? options.levels : defaultLevels(values, options.levels ?? 12);
  const parts = [
    ...svgOpen(width, height, options.title),
    ...drawAxes({ area, x, y, xLabel: options.xLabel ?? 'x', yLabel: options.yLabel ?? 'y', hasGrid: false }),
  ];
  for (const level of levels) {
    const d = isolineSegments(xs, ys, values, level)
      .map(([x0, y0, x1, y1]) => `M${px(x.at(x0))} ${px(y.at(y0))}L${px(x.at(x1))} ${px(y.at(y1))}`)
      .join('');
    if (d) {
      parts.push(
        `<path d="${d}" fill="none" stroke="#9aa5b1" stroke-width="0.8" class="contour"><title>f = ${Number(level.toPrecision(3))}</title></path>`,
      );
    }
  }
  const clip = (value: number, [low, high]: readonly [number, number]) =>
    Math.min(high, Math.max(low, value));
  const paths = options.paths ?? [];
  paths.forEach((path, index) => {
    const color = path.color ?? PALETTE[index % PALETTE.length];
    // Points off the chart are pinned to its border, so a divergent path stays visible.
    const screen = path.points.map(([px0, py0]) => [clip(x.at(px0), box.x), clip(y.at(py0), box.y)] as const);
    parts.push(
      `<polyline points="${screen.map(([sx, sy]) => `${px(sx)},${px(sy)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="1.6"/>`,
    );
    screen.forEach(([sx, sy], step) => {
      const [vx, vy] = path.points[step];
      parts.push(
        `<circle cx="${px(sx)}" cy="${px(sy)}" r="${step === 0 ? 4 : 2.2}" fill="${step === 0 ? '#fff' : color}" stroke="${color}"><title>${escapeHtml(path.name)} step ${step}: (${Number(vx.toPrecision(4))}, ${Number(vy.toPrecision(4))})</title></circle>`,
      );
    });
  });
  if (options.marker) {
    const [mx, my] = [x.at(options.marker[0]), y.at(options.marker[1])];
    parts.push(
      `<path d="M${px(mx - 5)} ${px(my - 5)}L${px(mx + 5)} ${px(my + 5)}M${px(mx - 5)} ${px(my + 5)}L${px(mx + 5)} ${px(my - 5)}" stroke="#222" stroke-width="1.5"/>`,
    );
  }
  if (paths.length > 1) {
    const entries = paths.map((path, index) => ({
      name: path.name,
      color: path.color ?? PALETTE[index % PALETTE.length],
    }));
    parts.push(...drawLegendTopRight(entries, box));
  }
  parts.push('</svg>');
  return parts.join('\n');
}
