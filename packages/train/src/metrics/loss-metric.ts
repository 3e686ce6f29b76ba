import { ShapeError, type Tensor, tidy } from '@nagare/tensor';
import type { LossFunction } from '../types';
import { type MeanState, type Metric, meanOf } from './metric';

/** The number of samples in a batch: the first axis of the target (1 for a scalar target). */
export function batchSize(target: Tensor): number {
  return target.rank === 0 ? 1 : target.shape[0];
}

/** Evaluates `loss` on a batch and checks it is a scalar; returns its value as a host number. */
export function lossValue(loss: LossFunction, output: Tensor, target: Tensor): number {
  return tidy(() => {
    const value = loss(output, target);
    if (value.size !== 1)
      throw new ShapeError('loss', 'the loss function must return a scalar', { loss: value.shape });
    return value.item();
  });
}

/**
 * The mean of a loss function over samples: each batch's (mean) loss weighted by its size.
 *
 * @example
 * const metric = lossMetric(crossEntropy); // logged as loss / val_loss
 */
export function lossMetric(loss: LossFunction): Metric<MeanState, number> {
  return {
    name: 'loss',
    init: () => ({ sum: 0, count: 0 }),
    update(state, output, target) {
      const n = batchSize(target);
      state.sum += lossValue(loss, output, target) * n;
      state.count += n;
      return state;
    },
    result: meanOf,
  };
}
