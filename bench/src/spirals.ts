/** Points of the `small` suite: `points` row-major [n, 2], `labels` 0 or 1 (the arm). */
export interface SpiralData {
  points: Float32Array;
  labels: Int32Array;
}

/** Turns of each spiral arm. */
const TURNS = 1.75;

/**
 * `count` points on two interleaved spirals in the plane, one class per arm, made without
 * randomness so every library (and the PyTorch child, which is sent these bytes) trains on the same
 * points in the same order. Consecutive points alternate between the arms, so every batch holds
 * both classes; a fixed wobble stands in for noise.
 *
 * @example
 * const { points, labels } = spiralPoints(64); // points.length === 128, labels[1] === 1
 */
export function spiralPoints(count: number): SpiralData {
  const points = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 2;
    // The radius grows along the arm; the second arm is the first turned by half a circle.
    const along = (i >> 1) / Math.max(1, count / 2);
    const angle = 2 * Math.PI * TURNS * along + Math.PI * label;
    const radius = 0.1 + 0.9 * along + 0.02 * Math.sin(i * 12.9898);
    points[2 * i] = radius * Math.cos(angle);
    points[2 * i + 1] = radius * Math.sin(angle);
    labels[i] = label;
  }
  return { points, labels };
}

/**
 * The `count * batchSize` points of `spiralPoints` cut into `count` consecutive mini-batches (views
 * of the same arrays), the order in which every library steps through them.
 *
 * @example
 * const [first] = spiralBatches(32, 4); // first.points.length === 64
 */
export function spiralBatches(batchSize: number, count: number): SpiralData[] {
  const { points, labels } = spiralPoints(batchSize * count);
  return Array.from({ length: count }, (_, b) => ({
    points: points.subarray(b * batchSize * 2, (b + 1) * batchSize * 2),
    labels: labels.subarray(b * batchSize, (b + 1) * batchSize),
  }));
}
