import { abs, ShapeError, square, sub, sum, type Tensor } from '@nagare/tensor';
import { type MeanState, type MeasuredMetric, meanOf, measuredMetric } from './metric';

/** Σ f(output − target) over the batch, on the backend; the target may differ in shape but not in size. */
function sumOf(op: string, f: (x: Tensor) => Tensor, output: Tensor, target: Tensor): Tensor {
  if (output.size !== target.size) {
    throw new ShapeError(op, 'output and target have different sizes', {
      output: output.shape,
      target: target.shape,
    });
  }
  return sum(f(sub(output, target.reshape(output.shape).cast(output.dtype))));
}

function elementMean(name: string, op: string, f: (x: Tensor) => Tensor): MeasuredMetric<MeanState, number> {
  return measuredMetric({
    name,
    init: () => ({ sum: 0, count: 0 }),
    measure: (output, target) => [sumOf(op, f, output, target)],
    accumulate(state, [total], output) {
      state.sum += total[0];
      state.count += output.size;
      return state;
    },
    result: meanOf,
  });
}

/**
 * Mean squared error over every element: mean((output − target)²).
 *
 * @example
 * fit(model, { ..., metrics: [meanSquaredError()] }); // logged as mse / val_mse
 */
export function meanSquaredError(): MeasuredMetric<MeanState, number> {
  return elementMean('mse', 'meanSquaredError', square);
}

/**
 * Mean absolute error over every element: mean(|output − target|).
 *
 * @example
 * fit(model, { ..., metrics: [meanAbsoluteError()] }); // logged as mae / val_mae
 */
export function meanAbsoluteError(): MeasuredMetric<MeanState, number> {
  return elementMean('mae', 'meanAbsoluteError', abs);
}
