import { spiralBatches } from '../spirals';
import type { CaseSpec, PreparedCase } from '../types';
import { adamSteps, dense, parameters } from './tfjs-train';

type Tf = typeof import('@tensorflow/tfjs-core');
type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;

/**
 * The `small` suite's hand-written loop on the active tfjs backend: the 2-64-64-2 ReLU MLP, one
 * Adam step per run on the same two-spiral batches as nagare. tfjs-core has no `fit` (that is
 * tfjs-layers, not a peer here), so the `fit` case throws and its cell says so.
 */
export async function prepareTfjsSmall(
  tf: Tf,
  spec: Extract<CaseSpec, { suite: 'small' }>,
): Promise<PreparedCase> {
  if (spec.loop === 'fit') throw new Error('tfjs-core has no fit(): compare its hand-written loop');
  const p = parameters(tf, { w1: [2, 64], b1: [64], w2: [64, 64], b2: [64], w3: [64, 2], b3: [2] });
  const forward = (x: import('@tensorflow/tfjs-core').Tensor) => {
    const h1 = tf.relu(dense(tf, x as Tensor2D, p.w1, p.b1));
    const h2 = tf.relu(dense(tf, h1, p.w2, p.b2));
    return dense(tf, h2, p.w3, p.b3);
  };
  const batches = spiralBatches(spec.batchSize, spec.batches).map((batch) => ({
    x: tf.tensor(batch.points, [spec.batchSize, 2], 'float32'),
    y: tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(batch.labels, 'int32'), 2), 'float32')),
  }));
  return adamSteps(tf, { variables: Object.values(p), forward }, batches);
}
