/**
 * Averages `[step, loss]` points over consecutive windows so that about `points` remain, each at
 * the window's last step: a readable curve out of thousands of noisy batch losses.
 *
 * @example
 * smoothLosses([[1, 4], [2, 2], [3, 3], [4, 1]], 2); // [[2, 3], [4, 2]]
 */
export function smoothLosses(
  losses: readonly (readonly [number, number])[],
  points: number,
): [number, number][] {
  const window = Math.max(1, Math.ceil(losses.length / Math.max(1, points)));
  const smoothed: [number, number][] = [];
  for (let start = 0; start < losses.length; start += window) {
    const chunk = losses.slice(start, start + window);
    const mean = chunk.reduce((sum, [, loss]) => sum + loss, 0) / chunk.length;
    smoothed.push([chunk[chunk.length - 1][0], mean]);
  }
  return smoothed;
}
