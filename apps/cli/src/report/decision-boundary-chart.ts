import { escapeHtml, PALETTE, px } from './svg';

/** What `decisionBoundaryChart` draws: a grid of predicted classes and labelled points on top. */
export interface DecisionBoundary {
  /** The square region [min, max]² the grid covers. */
  min: number;
  max: number;
  /** `grid[row][column]` = predicted class at that grid cell; row 0 is the top (largest y). */
  grid: readonly (readonly number[])[];
  points: readonly { x: number; y: number; label: number }[];
}

/**
 * Draws a 2-D classifier's decision regions (light fills) with the data points (dots colored by
 * their true class) as SVG, the classic TensorFlow-Playground picture.
 *
 * @example
 * decisionBoundaryChart({ min: -1, max: 1, grid: [[0, 1], [1, 0]], points: [{ x: 0, y: 0, label: 1 }] });
 */
export function decisionBoundaryChart(boundary: DecisionBoundary, title = 'Decision regions'): string {
  const size = 360;
  const top = 30;
  const left = 10;
  const rows = boundary.grid.length;
  const cell = size / Math.max(rows, 1);
  const scale = (value: number) => ((value - boundary.min) / (boundary.max - boundary.min)) * size;
  const parts = [
    `<svg class="chart" viewBox="0 0 ${size + 2 * left} ${size + top + 10}" width="${size + 2 * left}" height="${size + top + 10}" role="img" aria-label="${escapeHtml(title)}">`,
    `<text x="${left + size / 2}" y="18" text-anchor="middle" class="title">${escapeHtml(title)}</text>`,
  ];
  boundary.grid.forEach((row, r) => {
    // One rectangle per run of equal labels along the row keeps the SVG small.
    for (let start = 0; start < row.length; ) {
      let end = start + 1;
      while (end < row.length && row[end] === row[start]) end++;
      const color = PALETTE[row[start] % PALETTE.length];
      parts.push(
        `<rect x="${px(left + start * cell)}" y="${px(top + r * cell)}" width="${px((end - start) * cell + 0.5)}" height="${px(cell + 0.5)}" fill="${color}" fill-opacity="0.22" shape-rendering="crispEdges"/>`,
      );
      start = end;
    }
  });
  for (const point of boundary.points) {
    const color = PALETTE[point.label % PALETTE.length];
    parts.push(
      `<circle cx="${px(left + scale(point.x))}" cy="${px(top + size - scale(point.y))}" r="2.5" fill="${color}" stroke="#fff" stroke-width="0.5"/>`,
    );
  }
  parts.push(`<rect x="${left}" y="${top}" width="${size}" height="${size}" class="frame"/>`, '</svg>');
  return parts.join('\n');
}
