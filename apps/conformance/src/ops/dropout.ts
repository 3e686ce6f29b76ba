import * as nt from '@nagare/tensor';
import type { OpContext, OpTable } from '../op-context';

/**
 * Dropout: in inference (no training_mode, or training_mode false) and with ratio 0 it is the
 * identity with an all-true mask. With training on and ratio > 0 ONNX's expected values come from
 * NumPy's legacy generator (np.random.seed), which nagare's own seeded generator does not reproduce.
 */
function dropout(c: OpContext) {
  const x = c.input(0);
  const isTraining = c.opset >= 12 && c.has(2) && c.input(2).dataSync()[0] !== 0;
  const ratio = c.opset >= 12 ? (c.has(1) ? Number(c.input(1).dataSync()[0]) : 0.5) : c.float('ratio', 0.5);
  if (isTraining && ratio > 0) {
    c.unsupported("training mode with ratio > 0: expected values come from NumPy's legacy RNG");
  }
  return [x, nt.full(x.shape, true, { dtype: 'bool' })];
}

/** Dropout. */
export const dropoutOps: OpTable = { Dropout: dropout };
