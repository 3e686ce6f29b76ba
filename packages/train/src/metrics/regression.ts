import { abs, ShapeError, square, sub, sum, type Tensor, tidy } from '@nagare/tensor';
import { type MeanState, type Metric, meanOf } from './metric';

/** Σ f(output − target) over the batch, as a host number; the target may differ in shape but not in size. */
function sumOf(op: string, f: (x: Tensor) => Tensor, output: Tensor, target: Tensor): number {
  if (output.size !== target.size) {
    throw new ShapeError(op, 'output and target have different sizes', {
      output: output.shape,
      target: target.shape,
    });
  }
  return tidy(() => sum(f(sub(output, target.reshape(output.shape).cast(output.dtype)))).item());
}

function elementMean(name: string, op: string, f: (x: Tensor) => Tensor): Metric<MeanState, number> {
  return {
    name,
    init: () => ({ sum: 0, count: 0 }),
    update(state, output, target) {
      state.sum += sumOf(op, f, output, target);
      state.count += output.size;
      return state;
    },
    result: meanOf,
  };
}

/**
 * Mean squared error over every element: mean((output − target)²).
 *
 * @example
 * fit(model, { ..., metrics: [meanSquaredError()] }); // logged as mse / val_mse
 */
export function meanSquaredError(): Metric<MeanState, number> {
  return elementMean('mse', 'meanSquaredError', square);
}

/**
 * Mean absolute error over every element: mean(|output − target|).
 *
 * @example
 * fit(model, { ..., metrics: [meanAbsoluteError()] }); // logged as mae / val_mae
 */
export function meanAbsoluteError(): Metric<MeanState, number> {
  return elementMean('mae', 'meanAbsoluteError', abs);
}
