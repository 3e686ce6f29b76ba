// Messages between the convolution visualizer and its worker, and the setting it shows: the
// CS231n/ConvNetJS example of a 5×5×3 input padded by 1 (7×7×3), two 3×3×3 filters, stride 2.
import type { BackendChoice } from './backend-choices';

export const CONV_SETTING = { channels: 3, size: 5, padding: 1, filters: 2, kernel: 3, stride: 2 } as const;
/** (5 + 2·1 − 3) / 2 + 1 = 3. */
export const CONV_OUTPUT_SIZE =
  (CONV_SETTING.size + 2 * CONV_SETTING.padding - CONV_SETTING.kernel) / CONV_SETTING.stride + 1;

/** Draws the numbers for `seed` and convolves them on `backend` (`auto`: WebGPU where available). */
export type ConvRequest = { type: 'compute'; seed: number; backend: BackendChoice };

/** Every array nested [channel][row][column] (filters: [filter][channel][row][column]). */
export interface ConvNumbers {
  seed: number;
  /** The padded input, 3 × 7 × 7 (nagare's `pad` of the 3 × 5 × 5 input). */
  padded: number[][][];
  weights: number[][][][];
  biases: number[];
  /** nagare's `conv2d` output, 2 × 3 × 3. */
  output: number[][][];
  /** The backend that computed them, as installBackend names it (e.g. `webgpu`, `wasm (relaxed)`). */
  backend: string;
}

export type ConvResponse = ({ type: 'numbers' } & ConvNumbers) | { type: 'error'; message: string };
