import type { Dataset } from '@nagare/data';
import type { Module } from '@nagare/layers';
import type { Generator, Tensor } from '@nagare/tensor';

/**
 * A loss: compares a batch of model outputs with their targets and returns a scalar tensor (the
 * mean over the batch), differentiable with respect to the output.
 *
 * @example
 * const mse: LossFunction = (output, target) => mean(square(sub(output, target)));
 */
export type LossFunction = (output: Tensor, target: Tensor) => Tensor;

/** A model `fit` can train: a module mapping a batch of inputs to a batch of outputs. */
export type Model = Module<[Tensor], Tensor>;

/**
 * What `fit` needs from a data loader (a `DataLoader` of `[input, target]` batches has it): the
 * batches of an epoch as index lists, a way to load one, and the epoch counter.
 */
export interface BatchLoader {
  readonly batchSize: number;
  readonly dataset: { readonly length: number };
  epoch: number;
  batches(epoch?: number): number[][];
  load(indices: readonly number[], generator?: Generator): Tensor[];
}

/** Training or validation data: a loader of `[input, target]` batches, or a dataset `fit` batches itself. */
export type DataSource = BatchLoader | Dataset<Tensor[]>;

/**
 * An extra loss term added to the training loss (weight decay written as a loss, EWC, …).
 *
 * @example
 * const l1: Regularizer = { name: 'l1', penalty: () => mul(sum(abs(model.fc.weight)), 1e-4) };
 */
export interface Regularizer {
  /** Logged as `<name>` (the mean penalty over the epoch's batches). */
  readonly name: string;
  /** The scalar penalty at the current parameters, differentiable with respect to them. */
  penalty(): Tensor;
}
