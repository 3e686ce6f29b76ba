import { ArgumentError, mean, ShapeError, shapesEqual, sum, type Tensor } from '@nagare/tensor';

/** How a loss combines its elementwise values: kept (`none`), averaged (`mean`) or summed (`sum`). */
export type Reduction = 'none' | 'mean' | 'sum';

/** Options shared by every loss. */
export interface ReductionOptions {
  /** Default `'mean'`. */
  reduction?: Reduction;
}

/** Throws unless `reduction` is one of `allowed`. */
export function checkReduction(
  op: string,
  reduction: string,
  allowed: readonly string[] = ['none', 'mean', 'sum'],
): void {
  if (!allowed.includes(reduction)) {
    throw new ArgumentError(
      op,
      `reduction must be ${allowed.map((r) => `'${r}'`).join(', ')}, got "${reduction}"`,
    );
  }
}

/** Applies `reduction` to elementwise losses. */
export function reduceLoss(op: string, loss: Tensor, reduction: Reduction = 'mean'): Tensor {
  checkReduction(op, reduction);
  if (reduction === 'none') return loss;
  return reduction === 'sum' ? sum(loss) : mean(loss);
}

/** Throws a ShapeError unless input and target have the same shape. */
export function checkSameShape(op: string, input: Tensor, target: Tensor): void {
  if (!shapesEqual(input.shape, target.shape)) {
    throw new ShapeError(op, 'input and target shapes differ', { input: input.shape, target: target.shape });
  }
}
