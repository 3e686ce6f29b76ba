import type { OptimizerStateDict } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { CallbackState } from '../callbacks/callback';
import type { TrainingState } from './training-state';

/**
 * What a checkpoint holds: the model's state dict, the optimizer's state, each callback's state,
 * the run's training state and free-form string metadata. `dispose()` frees the tensors it owns.
 */
export interface CheckpointContents {
  /** The model's state dict (parameters and persistent buffers by PyTorch-style name). */
  weights: Record<string, Tensor>;
  optimizer: OptimizerStateDict | null;
  /** By callback name. */
  callbacks: Record<string, CallbackState>;
  /** `null` for a file that holds only weights. */
  state: TrainingState | null;
  /** String entries stored beside nagare's own (e.g. the run's resolved config). */
  metadata: Record<string, string>;
  dispose(): void;
}

/** Names of non-model tensors start with this (it cannot clash with a PyTorch module name). */
export const RESERVED_PREFIX = 'nagare:';
export const OPTIMIZER_PREFIX = `${RESERVED_PREFIX}optimizer.`;
export const CALLBACK_PREFIX = `${RESERVED_PREFIX}callback.`;

/** Metadata keys nagare writes; everything else in `__metadata__` is the user's. */
export const METADATA_KEYS = {
  format: 'format',
  version: 'nagare.checkpoint',
  epoch: 'nagare.epoch',
  step: 'nagare.step',
  state: 'nagare.state',
  optimizer: 'nagare.optimizer',
  /** CRC-32 of the data section (`crc32:` + 8 hex digits), verified on load. */
  checksum: 'nagare.checksum',
} as const;

/** The checkpoint format version this package writes and reads. */
export const CHECKPOINT_VERSION = '1';
