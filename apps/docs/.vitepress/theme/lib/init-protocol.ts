// Messages between the initialization-histograms component and its worker: the experiment of
// "Deep Learning from Scratch" ch. 6 (1,000 random inputs through 5 layers of 100 units).
import type { BackendChoice } from './backend-choices';

export type InitName = 'normal1' | 'normal001' | 'xavier' | 'he';
export type InitActivation = 'sigmoid' | 'tanh' | 'relu';

export const INIT_LABELS: Record<InitName, string> = {
  normal1: 'N(0, 1)',
  normal001: 'N(0, 0.01²)',
  xavier: 'Xavier: N(0, 1/n)',
  he: 'He: N(0, 2/n)',
};

export const ACTIVATION_LABELS: Record<InitActivation, string> = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
};

export const INIT_EXPERIMENT = { samples: 1000, units: 100, layers: 5, bins: 30 } as const;

/** Histogram range per activation: sigmoid's (0, 1), tanh's (−1, 1), and ReLU's positive part. */
export const HISTOGRAM_RANGE: Record<InitActivation, [number, number]> = {
  sigmoid: [0, 1],
  tanh: [-1, 1],
  relu: [0, 2],
};

/**
 * A run replaces any run in progress (`id` tells their messages apart) and computes on `backend`
 * (`auto`: WebGPU where the browser has it, else wasm); `stop` ends it.
 */
export type InitRequest =
  | {
      type: 'run';
      id: number;
      init: InitName;
      activation: InitActivation;
      seed: number;
      backend: BackendChoice;
    }
  | { type: 'stop' };

export interface LayerHistogram {
  layer: number;
  counts: number[];
  mean: number;
  std: number;
  /** Values left out of `counts`: below/above the range, and ReLU's exact zeros. */
  zeros: number;
  outside: number;
}

export type InitResponse =
  | { type: 'layer'; id: number; histogram: LayerHistogram }
  /** `backend`: the backend that computed the run, as installBackend names it. */
  | { type: 'done'; id: number; init: InitName; activation: InitActivation; backend: string }
  | { type: 'error'; message: string };
