import { ArgumentError } from '@nagare/tensor';
import { escapeHtml, px } from './svg';

/** One image of a grid: row-major pixels, one channel (gray or signed) or three (RGB). */
export interface GridImage {
  width: number;
  height: number;
  /** `height × width` values, or `3 × height × width` (channel-major, as a `[3, H, W]` tensor) for RGB. */
  pixels: ArrayLike<number>;
  channels?: 1 | 3;
  label?: string;
}

/** What `imageGrid` draws. */
export interface ImageGridOptions {
  title: string;
  images: readonly GridImage[];
  /** Images per row (default: up to 8). */
  columns?: number;
  /** Screen pixels per image pixel (default: about 56 px per image side). */
  scale?: number;
  /**
   * How values become colors: `'gray'` maps [min, max] to black…white; `'diverging'` maps
   * negative values to orange and positive to blue around a white 0 (weights, filters).
   */
  colormap?: 'gray' | 'diverging';
  /** Value range of the colormap: one shared by all images, or `'each'` (per image, the default). */
  range?: readonly [number, number] | 'each';
}

const LEVELS = 32;
const GAP = 8;

function valueRange(pixels: ArrayLike<number>): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < pixels.length; i++) {
    if (!Number.isFinite(pixels[i])) continue;
    min = Math.min(min, pixels[i]);
    max = Math.max(max, pixels[i]);
  }
  return Number.isFinite(min) ? [min, max] : [0, 1];
}

function hex(value: number): string {
  return Math.round(Math.min(255, Math.max(0, value)))
    .toString(16)
    .padStart(2, '0');
}

// Colors are quantized to LEVELS steps so neighbouring pixels often share one and merge into a
// single rectangle: a 28×28 digit becomes ~200 rectangles instead of 784.
function colorOf(
  value: number,
  [min, max]: readonly [number, number],
  colormap: 'gray' | 'diverging',
): string {
  if (colormap === 'diverging') {
    const bound = Math.max(Math.abs(min), Math.abs(max)) || 1;
    const t = Math.round(Math.min(1, Math.abs(value) / bound) * LEVELS) / LEVELS;
    const [r, g, b] = value >= 0 ? [0, 114, 178] : [213, 94, 0];
    return `#${hex(255 + (r - 255) * t)}${hex(255 + (g - 255) * t)}${hex(255 + (b - 255) * t)}`;
  }
  const t = Math.round(((value - min) / (max - min || 1)) * LEVELS) / LEVELS;
  return `#${hex(255 * t).repeat(3)}`;
}

function rgbOf(image: GridImage, index: number, range: readonly [number, number]): string {
  const plane = image.width * image.height;
  const channel = (c: number) => {
    const t = (image.pixels[c * plane + index] - range[0]) / (range[1] - range[0] || 1);
    return hex((255 * Math.round(t * LEVELS)) / LEVELS);
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

function drawImage(
  image: GridImage,
  left: number,
  top: number,
  scale: number,
  options: ImageGridOptions,
): string[] {
  const channels = image.channels ?? 1;
  if (image.pixels.length !== channels * image.width * image.height) {
    throw new ArgumentError(
      'imageGrid',
      `image "${image.label ?? ''}" has ${image.pixels.length} values, expected ${channels}×${image.height}×${image.width}`,
    );
  }
  const range =
    options.range === undefined || options.range === 'each' ? valueRange(image.pixels) : options.range;
  const colormap = options.colormap ?? 'gray';
  const parts: string[] = [];
  for (let row = 0; row < image.height; row++) {
    const colors = Array.from({ length: image.width }, (_, column) => {
      const index = row * image.width + column;
      return channels === 3 ? rgbOf(image, index, range) : colorOf(image.pixels[index], range, colormap);
    });
    for (let start = 0; start < image.width; ) {
      let end = start + 1;
      while (end < image.width && colors[end] === colors[start]) end++;
      parts.push(
        `<rect x="${px(left + start * scale)}" y="${px(top + row * scale)}" width="${px((end - start) * scale + 0.3)}" height="${px(scale + 0.3)}" fill="${colors[start]}"/>`,
      );
      start = end;
    }
  }
  parts.push(
    `<rect x="${px(left)}" y="${px(top)}" width="${px(image.width * scale)}" height="${px(image.height * scale)}" class="frame"/>`,
  );
  return parts;
}

/**
 * Draws images (digits, learned filters, feature maps) in a grid as SVG rectangles, each with an
 * optional label underneath: no bitmaps, so the report stays one self-contained text file.
 *
 * @example
 * imageGrid({ title: 'First-layer filters', colormap: 'diverging',
 *   images: filters.map((pixels, i) => ({ width: 5, height: 5, pixels, label: `#${i}` })) });
 */
export function imageGrid(options: ImageGridOptions): string {
  const { images } = options;
  const columns = Math.max(1, Math.min(options.columns ?? 8, images.length || 1));
  const side = Math.max(1, ...images.map((image) => Math.max(image.width, image.height)));
  const scale = options.scale ?? Math.max(2, Math.floor(56 / side));
  const hasLabels = images.some((image) => image.label);
  const cellWidth = side * scale + GAP;
  const cellHeight = side * scale + GAP + (hasLabels ? 14 : 0);
  const rows = Math.ceil(images.length / columns);
  const width = Math.max(160, columns * cellWidth + GAP);
  const height = 30 + rows * cellHeight + 4;
  const parts = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<text x="${px(width / 2)}" y="18" text-anchor="middle" class="title">${escapeHtml(options.title)}</text>`,
  ];
  images.forEach((image, index) => {
    const left = GAP + (index % columns) * cellWidth;
    const top = 30 + Math.floor(index / columns) * cellHeight;
    parts.push(...drawImage(image, left, top, scale, options));
    if (image.label) {
      parts.push(
        `<text x="${px(left + (image.width * scale) / 2)}" y="${px(top + image.height * scale + 12)}" text-anchor="middle" class="tick">${escapeHtml(image.label)}</text>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}
