// Messages between the optimizer-paths component and its worker.
import type { OptimizerPath } from '@nagare/optimizers';
import type { BackendChoice } from './backend-choices';

/** Runs the four optimizers on `backend` (`auto`: WebGPU where the browser has it, else wasm). */
export type PathsRequest = { type: 'run'; start: [number, number]; steps: number; backend: BackendChoice };

/** `backend`: the backend that computed the paths, as installBackend names it. */
export type PathsResponse =
  | { type: 'paths'; start: [number, number]; steps: number; paths: OptimizerPath[]; backend: string }
  | { type: 'error'; message: string };

/** f(x, y) = x²/20 + y², the bowl the lecture compares the optimizers on. */
export const bowl = (x: number, y: number) => (x * x) / 20 + y * y;

/** The plotted window: x ∈ [−10, 10], y ∈ [−5, 5], as in the lecture's figure. */
export const PLOT = { xMin: -10, xMax: 10, yMin: -5, yMax: 5 } as const;
