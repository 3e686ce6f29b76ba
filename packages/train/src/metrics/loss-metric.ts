import { ShapeError, type Tensor } from '@nagare/tensor';
import type { LossFunction } from '../types';
import { type MeanState, type MeasuredMetric, meanOf, measuredMetric } from './metric';

/** The number of samples in a batch: the first axis of the target (1 for a scalar target). */
export function batchSize(target: Tensor): number {
  return target.rank === 0 ? 1 : target.shape[0];
}

/** Evaluates `loss` on a batch and checks it is a scalar; the value stays on the backend. */
export function lossTensor(op: string, loss: LossFunction, output: Tensor, target: Tensor): Tensor {
  const value = loss(output, target);
  if (value.size !== 1)
    throw new ShapeError(op, 'the loss function must return a scalar', { loss: value.shape });
  return value;
}

/**
 * The mean of a loss function over samples: each batch's (mean) loss weighted by its size.
 *
 * @example
 * const metric = lossMetric(crossEntropy); // logged as loss / val_loss
 */
export function lossMetric(loss: LossFunction): MeasuredMetric<MeanState, number> {
  return measuredMetric({
    name: 'loss',
    init: () => ({ sum: 0, count: 0 }),
    // A loss may return its input (an identity loss): the copy keeps `measure` returning its own tensor.
    measure: (output, target) => [lossTensor('loss', loss, output, target).reshape([])],
    accumulate(state, [value], _output, target) {
      const n = batchSize(target);
      state.sum += value[0] * n;
      state.count += n;
      return state;
    },
    result: meanOf,
  });
}
