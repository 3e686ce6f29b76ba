// Messages between the optimizer-paths component and its worker.
import type { OptimizerPath } from '@nagare/optimizers';

export type PathsRequest = { type: 'run'; start: [number, number]; steps: number };

export type PathsResponse =
  | { type: 'paths'; start: [number, number]; steps: number; paths: OptimizerPath[]; backend: string }
  | { type: 'error'; message: string };

/** f(x, y) = x²/20 + y², the bowl the lecture compares the optimizers on. */
export const bowl = (x: number, y: number) => (x * x) / 20 + y * y;

/** The plotted window: x ∈ [−10, 10], y ∈ [−5, 5], as in the lecture's figure. */
export const PLOT = { xMin: -10, xMax: 10, yMin: -5, yMax: 5 } as const;
