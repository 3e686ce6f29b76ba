import { escapeHtml, PALETTE, px } from './svg';

/** The volumes of a small convolution, `[channel][row][column]`, as the ConvNetJS demo draws them. */
export interface ConvVolumes {
  /** The input with its zero padding, `[C][H][W]`. */
  input: readonly (readonly (readonly number[])[])[];
  /** How many rows and columns on each side of `input` are padding (drawn shaded). */
  padding: number;
  /** Filters `[F][C][k][k]`. */
  filters: readonly (readonly (readonly (readonly number[])[])[])[];
  biases: readonly number[];
  /** Output `[F][oh][ow]`. */
  output: readonly (readonly (readonly number[])[])[];
}

/** One step to highlight: the output value (filter, row, column) and its window in the input. */
export interface ConvFocus {
  filter: number;
  row: number;
  column: number;
  top: number;
  left: number;
  /** Per-channel sums of window × filter, written under the chart with the bias and the result. */
  channelSums?: readonly number[];
}

/** Options of `convArithmeticChart`. */
export interface ConvArithmeticOptions {
  title: string;
  focus?: ConvFocus;
  /** Pixels per cell (default 20). */
  cell?: number;
}

const LABEL = 14;
const GAP = 22;

interface Grid {
  values: readonly (readonly number[])[];
  x: number;
  y: number;
  label: string;
  padding?: number;
  highlight?: { top: number; left: number; size: number; color: string };
  isEmphasized?: boolean;
}

function drawGrid(grid: Grid, cell: number): string[] {
  const rows = grid.values.length;
  const columns = grid.values[0]?.length ?? 0;
  const parts = [
    `<text x="${px(grid.x)}" y="${px(grid.y - 4)}" class="tick">${escapeHtml(grid.label)}</text>`,
  ];
  const pad = grid.padding ?? 0;
  grid.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const isPadding = r < pad || c < pad || r >= rows - pad || c >= columns - pad;
      const x = grid.x + c * cell;
      const y = grid.y + r * cell;
      parts.push(
        `<rect x="${px(x)}" y="${px(y)}" width="${cell}" height="${cell}" fill="${isPadding ? '#eceff3' : '#fff'}" stroke="#c5ccd4"/>`,
        `<text x="${px(x + cell / 2)}" y="${px(y + cell / 2 + 4)}" text-anchor="middle" class="cell"${isPadding ? ' fill="#888"' : ''}>${escapeHtml(String(value))}</text>`,
      );
    });
  });
  const frame = grid.isEmphasized ? ' stroke-width="2.5"' : '';
  parts.push(
    `<rect x="${px(grid.x)}" y="${px(grid.y)}" width="${columns * cell}" height="${rows * cell}" class="frame"${frame}/>`,
  );
  if (grid.highlight) {
    const { top, left, size, color } = grid.highlight;
    parts.push(
      `<rect x="${px(grid.x + left * cell)}" y="${px(grid.y + top * cell)}" width="${size * cell}" height="${size * cell}" fill="${color}" fill-opacity="0.15" stroke="${color}" stroke-width="2.5"/>`,
    );
  }
  return parts;
}

function arithmetic(volumes: ConvVolumes, focus: ConvFocus): string {
  const sums = (focus.channelSums ?? []).map((sum) => (sum < 0 ? `(${sum})` : String(sum))).join(' + ');
  const bias = volumes.biases[focus.filter];
  const value = volumes.output[focus.filter][focus.row][focus.column];
  return `o[${focus.row},${focus.column},${focus.filter}] = ${sums} + b${focus.filter} (${bias}) = ${value}`;
}

/**
 * Draws a small convolution the way the CS231n / ConvNetJS demo does: the padded input volume
 * (padding shaded) one channel per grid, each filter's channels beside it with its bias, and the
 * output volume, every cell labelled with its number. With `focus`, one step is highlighted: the
 * receptive field in every input channel, the filter used, the output cell, and the arithmetic.
 *
 * @example
 * convArithmeticChart(volumes, { title: 'Step 1', focus: { filter: 0, row: 0, column: 0, top: 0, left: 0 } });
 */
export function convArithmeticChart(volumes: ConvVolumes, options: ConvArithmeticOptions): string {
  const cell = options.cell ?? 20;
  const { focus } = options;
  const channels = volumes.input.length;
  const side = volumes.input[0].length;
  const k = volumes.filters[0][0].length;
  const out = volumes.output[0].length;
  const rowHeight = side * cell + LABEL + GAP;
  const top = 34 + LABEL;
  const grids: Grid[] = [];
  const color = PALETTE[(focus?.filter ?? 0) % PALETTE.length];
  volumes.input.forEach((values, c) => {
    grids.push({
      values,
      x: 12,
      y: top + c * rowHeight,
      label: `x[:,:,${c}]`,
      padding: volumes.padding,
      highlight: focus ? { top: focus.top, left: focus.left, size: k, color } : undefined,
    });
  });
  let x = 12 + side * cell + 2 * GAP;
  volumes.filters.forEach((filter, f) => {
    filter.forEach((values, c) => {
      grids.push({
        values,
        x,
        y: top + c * rowHeight,
        label: `w${f}[:,:,${c}]`,
        isEmphasized: focus?.filter === f,
      });
    });
    x += k * cell + GAP;
  });
  const outputX = x + GAP;
  volumes.output.forEach((values, f) => {
    grids.push({
      values,
      x: outputX,
      y: top + f * (out * cell + LABEL + GAP),
      label: `o[:,:,${f}]`,
      highlight: focus?.filter === f ? { top: focus.row, left: focus.column, size: 1, color } : undefined,
    });
  });
  // Wide enough for the title too (about 7 px per character at the title's size).
  const width = Math.max(outputX + out * cell + 16, 24 + 7 * options.title.length);
  const height = top + channels * rowHeight + (focus ? 16 : 0);
  const parts = [
    `<svg class="chart" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<text x="12" y="18" class="title">${escapeHtml(options.title)}</text>`,
    ...grids.flatMap((grid) => drawGrid(grid, cell)),
  ];
  let biasX = 12 + side * cell + 2 * GAP;
  volumes.biases.forEach((bias, f) => {
    parts.push(
      `<text x="${px(biasX)}" y="${px(top + (channels - 1) * rowHeight + k * cell + 16)}" class="tick"${focus?.filter === f ? ' font-weight="600"' : ''}>b${f} = ${bias}</text>`,
    );
    biasX += k * cell + GAP;
  });
  if (focus) {
    parts.push(
      `<text x="12" y="${px(height - 8)}" class="label">${escapeHtml(arithmetic(volumes, focus))}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
