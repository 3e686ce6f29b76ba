// Messages between the Playground component and its worker.
import type { BackendChoice } from './backend-choices';

export type PlaygroundDataset = 'spiral' | 'circles' | 'xor' | 'blobs';
export type PlaygroundActivation = 'relu' | 'tanh' | 'sigmoid' | 'gelu' | 'leakyRelu';
export type PlaygroundOptimizer = 'sgd' | 'momentum' | 'adam';
export type PlaygroundRegularization = 'none' | 'l1' | 'l2';

export interface PlaygroundConfig {
  dataset: PlaygroundDataset;
  /** Units of each hidden layer (0 to 6 layers). */
  hidden: number[];
  activation: PlaygroundActivation;
  optimizer: PlaygroundOptimizer;
  lr: number;
  regularization: PlaygroundRegularization;
  /** λ of the L1/L2 penalty on the weights. */
  regularizationRate: number;
  /** Standard deviation of the noise added to the points. */
  noise: number;
  batchSize: number;
  epochs: number;
  seed: number;
  /** The backend to compute on (`auto`: WebGPU where the browser has it, else wasm). */
  backend: BackendChoice;
}

/** `preview` only draws the dataset (on load and when it changes); `start` trains. */
export type PlaygroundRequest =
  | { type: 'preview'; config: PlaygroundConfig }
  | { type: 'start'; config: PlaygroundConfig }
  | { type: 'stop' };

/** The model's prediction on a `size`×`size` grid over [−EXTENT, EXTENT]², row 0 at the top. */
export interface BoundaryGrid {
  size: number;
  /** Predicted class per cell. */
  predicted: Uint8Array;
  /** Probability of the predicted class per cell. */
  confidence: Float32Array;
}

export type PlaygroundResponse =
  /** Sent by every preview and training run: the backend it computes on, as installBackend names it. */
  | { type: 'ready'; backend: string }
  | {
      type: 'data';
      classes: number;
      /** Training points [x0, y0, x1, y1, …] and labels, then the test points. */
      train: { points: Float32Array; labels: Int32Array };
      test: { points: Float32Array; labels: Int32Array };
      /** The network's parameter count; null for a preview, which builds no network. */
      parameters: number | null;
    }
  | {
      type: 'epoch';
      epoch: number;
      epochs: number;
      loss: number;
      testLoss: number;
      accuracy: number;
      testAccuracy: number;
      grid: BoundaryGrid;
    }
  | { type: 'done'; stopped: boolean; epochs: number }
  | { type: 'error'; message: string };

/** Half the side of the square the playground shows (the data lie in about [−1, 1]²). */
export const EXTENT = 1.3;
