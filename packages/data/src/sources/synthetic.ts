import { ArgumentError, Generator } from '@nagare/tensor';
import { TensorDataset } from '../tensor-dataset';

/** Options of the 2-D classification sets. */
export interface SyntheticOptions {
  /** Standard deviation of Gaussian noise added to each coordinate. */
  noise?: number;
  seed?: number;
}

function checkCount(op: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new ArgumentError(op, `n must be a positive integer, got ${n}`);
}

function pointsDataset(points: Float32Array, labels: Int32Array): TensorDataset {
  return TensorDataset.fromColumns([
    { values: points, shape: [labels.length, 2], dtype: 'float32' },
    { values: labels, shape: [labels.length], dtype: 'int32' },
  ]);
}

/** Builds n labelled 2-D points; `point(i, g)` returns [x, y, label]. */
function makePoints(
  n: number,
  options: SyntheticOptions,
  point: (i: number, g: Generator) => [number, number, number],
): TensorDataset {
  const g = new Generator(options.seed ?? 0);
  const noise = options.noise ?? 0;
  const xy = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const [x, y, label] = point(i, g);
    xy[2 * i] = x + noise * g.nextNormal();
    xy[2 * i + 1] = y + noise * g.nextNormal();
    labels[i] = label;
  }
  return pointsDataset(xy, labels);
}

/**
 * Interleaved spirals (TensorFlow Playground), `classes` arms (default 2), points in about [−1, 1]².
 *
 * @example
 * const ds = spirals(400, { noise: 0.05, seed: 1 }); // x: [400, 2], y: [400]
 */
export function spirals(
  n: number,
  options: SyntheticOptions & { classes?: number; turns?: number } = {},
): TensorDataset {
  checkCount('spirals', n);
  const classes = options.classes ?? 2;
  const turns = options.turns ?? 1.75;
  return makePoints(n, options, (i, g) => {
    const label = i % classes;
    const r = g.nextFloat();
    const angle = r * turns * 2 * Math.PI + (2 * Math.PI * label) / classes;
    return [r * Math.cos(angle), r * Math.sin(angle), label];
  });
}

/** Two concentric circles: label 0 inside (radius < 0.5), 1 on the ring (0.7–1). */
export function circles(n: number, options: SyntheticOptions = {}): TensorDataset {
  checkCount('circles', n);
  return makePoints(n, options, (i, g) => {
    const label = i % 2;
    const r = label === 0 ? 0.5 * g.nextFloat() : 0.7 + 0.3 * g.nextFloat();
    const angle = 2 * Math.PI * g.nextFloat();
    return [r * Math.cos(angle), r * Math.sin(angle), label];
  });
}

/** XOR: uniform points in [−1, 1]², label 1 when the coordinates' signs differ. */
export function xor(n: number, options: SyntheticOptions = {}): TensorDataset {
  checkCount('xor', n);
  return makePoints(n, options, (_, g) => {
    const x = 2 * g.nextFloat() - 1;
    const y = 2 * g.nextFloat() - 1;
    return [x, y, x * y < 0 ? 1 : 0];
  });
}

/** Gaussian blobs around `centers` (default 3 on a circle of radius 0.7), spread `std`. */
export function blobs(
  n: number,
  options: SyntheticOptions & { centers?: [number, number][]; std?: number } = {},
): TensorDataset {
  checkCount('blobs', n);
  const centers =
    options.centers ??
    [0, 1, 2].map((k): [number, number] => [
      0.7 * Math.cos((2 * Math.PI * k) / 3),
      0.7 * Math.sin((2 * Math.PI * k) / 3),
    ]);
  const std = options.std ?? 0.15;
  return makePoints(n, options, (i, g) => {
    const label = i % centers.length;
    return [centers[label][0] + std * g.nextNormal(), centers[label][1] + std * g.nextNormal(), label];
  });
}

const TARGETS = {
  sin: (x: number) => Math.sin(Math.PI * x),
  step: (x: number) => (x > 0 ? 1 : 0),
  bump: (x: number) => (Math.abs(x) < 0.5 ? 1 : 0),
};

/**
 * A noisy 1-D regression set on x ∈ [−1, 1] for the universal-approximation experiment: x float32
 * [n, 1], y float32 [n, 1] = target(x) + noise.
 */
export function regression1d(
  target: keyof typeof TARGETS,
  n: number,
  options: SyntheticOptions = {},
): TensorDataset {
  checkCount('regression1d', n);
  const fn = TARGETS[target];
  if (!fn) throw new ArgumentError('regression1d', `unknown target "${target}" (sin, step, bump)`);
  const g = new Generator(options.seed ?? 0);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = 2 * g.nextFloat() - 1;
    y[i] = fn(x[i]) + (options.noise ?? 0) * g.nextNormal();
  }
  return TensorDataset.fromColumns([
    { values: x, shape: [n, 1], dtype: 'float32' },
    { values: y, shape: [n, 1], dtype: 'float32' },
  ]);
}
