import * as nn from '@nagare/layers';
import * as nt from '@nagare/tensor';
import { ComplementedNumpyGenerator } from '../numpy-legacy-generator';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

/**
 * Dropout through @nagare/layers' `dropout`: the identity in inference (no training_mode, or
 * training_mode false) and for ratio 0; in training, inverted dropout with scale 1/(1 − ratio).
 * ONNX's training cases draw their mask as `np.random.seed(seed); np.random.uniform(0, 1, shape)
 * >= ratio`, so the mask is drawn from that same stream. The mask output is the mask `dropout`
 * applied: `dropout` run on ones from an identically seeded stream is non-zero exactly there.
 */
function dropout(c: OnnxOpContext) {
  const x = c.input(0);
  const isTraining = c.opset >= 12 && c.has(2) && c.inputValues(2)[0] !== 0;
  const ratio = c.opset >= 12 ? (c.has(1) ? c.inputValues(1)[0] : 0.5) : c.float('ratio', 0.5);
  const seed = c.int('seed', 0);
  const run = (t: nt.Tensor) =>
    nn.dropout(t, ratio, { training: isTraining, generator: new ComplementedNumpyGenerator(seed) });
  return [run(x), nt.ne(run(nt.onesLike(x)), 0)];
}

/** Dropout. */
export const dropoutOps: OnnxOpTable = { Dropout: dropout };
