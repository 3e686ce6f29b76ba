import { TensorDataset } from '@nagare/data';
import { ArgumentError, Generator } from '@nagare/tensor';

/** The classes of `shapesDataset`, in label order: the first four differ most (filled outlines). */
export const SHAPE_CLASSES = [
  'disc',
  'square',
  'triangle',
  'plus',
  'ring',
  'frame',
  'diamond',
  'cross',
] as const;

/** Side of the images. */
export const SHAPE_SIZE = 32;

type Inside = (u: number, v: number, r: number) => boolean;

// Each shape is a test in the shape's own frame: (u, v) is the pixel relative to the centre,
// rotated by the sample's angle, and r its size (half the side or the radius).
const INSIDE: Record<(typeof SHAPE_CLASSES)[number], Inside> = {
  disc: (u, v, r) => u * u + v * v <= r * r,
  ring: (u, v, r) => {
    const d = Math.hypot(u, v);
    return d <= r && d >= 0.6 * r;
  },
  square: (u, v, r) => Math.abs(u) <= 0.85 * r && Math.abs(v) <= 0.85 * r,
  frame: (u, v, r) => {
    const m = Math.max(Math.abs(u), Math.abs(v));
    return m <= 0.85 * r && m >= 0.5 * r;
  },
  // Apex up: inside the three half-planes of an equilateral triangle.
  triangle: (u, v, r) => v <= 0.5 * r && Math.sqrt(3) * u - v <= r && -Math.sqrt(3) * u - v <= r,
  diamond: (u, v, r) => Math.abs(u) + Math.abs(v) <= r,
  plus: (u, v, r) =>
    (Math.abs(u) <= 0.3 * r && Math.abs(v) <= r) || (Math.abs(v) <= 0.3 * r && Math.abs(u) <= r),
  cross: (u, v, r) => {
    const a = (u + v) / Math.SQRT2;
    const b = (u - v) / Math.SQRT2;
    return (Math.abs(a) <= 0.3 * r && Math.abs(b) <= r) || (Math.abs(b) <= 0.3 * r && Math.abs(a) <= r);
  },
};

function randomColor(generator: Generator): [number, number, number] {
  return [generator.nextFloat(), generator.nextFloat(), generator.nextFloat()];
}

// Foreground and background must differ visibly: redraw until their distance exceeds 0.5.
function contrastingColors(generator: Generator): [number[], number[]] {
  for (;;) {
    const foreground = randomColor(generator);
    const background = randomColor(generator);
    const distance = Math.hypot(...foreground.map((c, i) => c - background[i]));
    if (distance > 0.5) return [foreground, background];
  }
}

/**
 * A synthetic 32×32 RGB image set of up to 8 shape classes (the first `classes` of disc, square,
 * triangle, plus, ring, frame, diamond, cross), a stand-in for CIFAR-10, which we found in no npm package. Each image draws one shape of
 * random size (radius 6–13 px), position, rotation (±20°) and colors on a uniform background with
 * Gaussian pixel noise (σ = 0.05). Images float32 `[count, 3, 32, 32]` centred on 0 (colors in
 * [−0.5, 0.5]), labels int32.
 *
 * @example
 * const train = shapesDataset(6000, 1); // x: [6000, 3, 32, 32], y: [6000]
 */
export function shapesDataset(
  count: number,
  seed: number,
  classes: number = SHAPE_CLASSES.length,
): TensorDataset {
  if (!Number.isInteger(count) || count < 1) {
    throw new ArgumentError('shapesDataset', `count must be a positive integer, got ${count}`);
  }
  if (!Number.isInteger(classes) || classes < 2 || classes > SHAPE_CLASSES.length) {
    throw new ArgumentError(
      'shapesDataset',
      `classes must be an integer in [2, ${SHAPE_CLASSES.length}], got ${classes}`,
    );
  }
  const generator = new Generator(seed);
  const plane = SHAPE_SIZE * SHAPE_SIZE;
  const images = new Float32Array(count * 3 * plane);
  const labels = new Int32Array(count);
  for (let sample = 0; sample < count; sample++) {
    const label = generator.nextInt(classes);
    labels[sample] = label;
    const inside = INSIDE[SHAPE_CLASSES[label]];
    const radius = 6 + 7 * generator.nextFloat();
    const margin = radius + 1;
    const cx = margin + (SHAPE_SIZE - 2 * margin) * generator.nextFloat();
    const cy = margin + (SHAPE_SIZE - 2 * margin) * generator.nextFloat();
    const angle = ((generator.nextFloat() - 0.5) * 40 * Math.PI) / 180;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const [foreground, background] = contrastingColors(generator);
    const base = sample * 3 * plane;
    for (let y = 0; y < SHAPE_SIZE; y++) {
      for (let x = 0; x < SHAPE_SIZE; x++) {
        const dx = x + 0.5 - cx;
        // Image rows grow downwards; v grows upwards so "apex up" means up on screen.
        const dy = cy - (y + 0.5);
        const isInside = inside(cos * dx + sin * dy, -sin * dx + cos * dy, radius);
        const color = isInside ? foreground : background;
        for (let channel = 0; channel < 3; channel++) {
          images[base + channel * plane + y * SHAPE_SIZE + x] =
            color[channel] - 0.5 + 0.05 * generator.nextNormal();
        }
      }
    }
  }
  return TensorDataset.fromColumns([
    { values: images, shape: [count, 3, SHAPE_SIZE, SHAPE_SIZE], dtype: 'float32' },
    { values: labels, shape: [count], dtype: 'int32' },
  ]);
}
