// Messages between the MNIST component and its worker.
import type { BackendChoice } from './backend-choices';

export interface MnistConfig {
  /** Absolute URL of the directory holding the gzip'd IDX files. */
  dataUrl: string;
  trainImages: number;
  epochs: number;
  lr: number;
  batchSize: number;
  seed: number;
  /** Threads of the wasm backend (more than 1 only on a cross-origin isolated page). */
  threads: number;
  /** The backend to train on (`auto`: WebGPU where the browser has it, else wasm). */
  backend: BackendChoice;
}

export type MnistRequest =
  | { type: 'train'; config: MnistConfig }
  | { type: 'stop' }
  | { type: 'predict'; pixels: Float32Array };

export type MnistResponse =
  | { type: 'status'; message: string }
  | {
      type: 'model';
      backend: string;
      summary: string;
      parameters: number;
      trainImages: number;
      testImages: number;
    }
  | {
      type: 'batch';
      epoch: number;
      epochs: number;
      batch: number;
      batches: number;
      /** Training loss, a moving average over the recent batches. */
      loss: number;
      /** Training accuracy, the running mean of the epoch. */
      accuracy: number;
    }
  | { type: 'epoch'; epoch: number; loss: number; accuracy: number; testAccuracy: number }
  | {
      type: 'done';
      stopped: boolean;
      testAccuracy: number;
      testImages: number;
      seconds: number;
      /** A few test images the network got wrong: 784 pixels each, the true and predicted digit. */
      mistakes: { pixels: Float32Array; label: number; predicted: number }[];
    }
  | { type: 'prediction'; probabilities: Float32Array }
  | { type: 'error'; message: string };

/** The files prepare-mnist.mjs writes into the site's public/mnist directory. */
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;
