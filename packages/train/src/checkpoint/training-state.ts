import type { Generator } from '@nagare/tensor';
import type { History } from '../callbacks/callback';
import type { JsonValue } from '../json';

/** A generator's saved position (`Generator.state`). */
export type GeneratorState = Generator['state'];

/** Every random stream a run draws from, so a resumed run draws the same numbers. */
export interface RngState {
  /** The default generator (unseeded initializers, dropout, random ops). */
  default: GeneratorState;
  /** Generators held in fields of the model's modules, by `modulePath#field`. */
  modules: Record<string, GeneratorState>;
  /** The generator of the epoch in progress that batch transforms (augmentation) draw from. */
  batches: GeneratorState | null;
}

/** The accumulators of an epoch in progress. */
export interface EpochProgress {
  /** The lr at the epoch's first step. */
  lr: number;
  samples: number;
  lossSum: number;
  /** Σ penalty per regularizer, one term per batch. */
  regularization: Record<string, number>;
  /** Each metric's accumulator, in the order of the run's metrics. */
  metricStates: JsonValue[];
  /** Seconds spent in training batches so far (what samples/s divides by). */
  trainSeconds: number;
  /** Wall seconds of the epoch up to the moment it was saved (0 while it runs in memory). */
  seconds: number;
}

/**
 * Everything about a run that is not a tensor, as saved in a checkpoint's metadata: where it is
 * (epochs and batches done), the random streams, the partial epoch, the history and callback states.
 */
export interface TrainingState {
  version: 1;
  /** Epochs fully done. */
  epochsCompleted: number;
  /** Batches done in the epoch in progress (0 between epochs): the data loader's position. */
  batchesDone: number;
  /** Optimizer steps taken. */
  step: number;
  seed: number | null;
  /** The backend the run used (bit-identical resumption needs the same one). */
  backend: string;
  rng: RngState;
  progress: EpochProgress | null;
  history: History;
  /** Each named callback's JSON state. */
  callbacks: Record<string, JsonValue>;
}
