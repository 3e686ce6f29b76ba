import { TRAIN_LEARNING_RATE } from '../cases';
import { MNIST_PIXELS, mnistBatches } from '../mnist';
import type { CaseSpec, PreparedCase, TrainModel } from '../types';
import { TRAIN_BATCHES } from './nagare-train';

type Tf = typeof import('@tensorflow/tfjs-core');
type TfTensor = import('@tensorflow/tfjs-core').Tensor;
type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;
type Tensor4D = import('@tensorflow/tfjs-core').Tensor4D;
type Variable = import('@tensorflow/tfjs-core').Variable;

/** He-normal weights and zero biases, as tf.variables (tfjs-core has no layers of its own). */
export function parameters(tf: Tf, shapes: Record<string, number[]>): Record<string, Variable> {
  const variables: Record<string, Variable> = {};
  let seed = 0;
  for (const [name, shape] of Object.entries(shapes)) {
    const isBias = shape.length === 1;
    const fanIn = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    const initial = isBias
      ? tf.zeros(shape)
      : tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn), 'float32', seed++);
    variables[name] = tf.variable(initial);
    initial.dispose(); // the variable holds its own reference to the values
  }
  return variables;
}

/** x·w + b. */
export function dense(tf: Tf, x: Tensor2D, w: Variable, b: Variable): Tensor2D {
  return tf.add(tf.matMul(x, w as TfTensor as Tensor2D), b);
}

/** The same two networks as nagare's, written with tfjs-core ops (NHWC for the CNN). */
function buildModel(tf: Tf, model: TrainModel, batchSize: number) {
  if (model === 'mlp') {
    const p = parameters(tf, {
      w1: [MNIST_PIXELS, 256],
      b1: [256],
      w2: [256, 128],
      b2: [128],
      w3: [128, 10],
      b3: [10],
    });
    const forward = (x: TfTensor) => {
      const h1 = tf.relu(dense(tf, x as Tensor2D, p.w1, p.b1));
      const h2 = tf.relu(dense(tf, h1, p.w2, p.b2));
      return dense(tf, h2, p.w3, p.b3);
    };
    return { variables: Object.values(p), forward };
  }
  const p = parameters(tf, {
    k1: [5, 5, 1, 6],
    c1: [6],
    k2: [5, 5, 6, 16],
    c2: [16],
    w3: [400, 120],
    b3: [120],
    w4: [120, 84],
    b4: [84],
    w5: [84, 10],
    b5: [10],
  });
  const conv = (x: Tensor4D, k: Variable, c: Variable, padding: 'same' | 'valid'): Tensor4D => {
    const activated = tf.relu(tf.add(tf.conv2d(x, k as TfTensor as Tensor4D, 1, padding), c)) as Tensor4D;
    return tf.maxPool(activated, 2, 2, 'valid');
  };
  const forward = (x: TfTensor) => {
    const pooled = conv(conv(x as Tensor4D, p.k1, p.c1, 'same'), p.k2, p.c2, 'valid');
    const h3 = tf.relu(dense(tf, tf.reshape(pooled, [batchSize, 400]), p.w3, p.b3));
    const h4 = tf.relu(dense(tf, h3, p.w4, p.b4));
    return dense(tf, h4, p.w5, p.b5);
  };
  return { variables: Object.values(p), forward };
}

/**
 * One MNIST training step per run on the active tfjs backend: `tf.train.adam(1e-3).minimize` of the
 * softmax cross-entropy (minimize takes the gradients with `tf.variableGrads`). On tfjs-wasm the
 * CNN's backward needs kernels that backend lacks; the error surfaces from the first run.
 */
export async function prepareTfjsTraining(
  tf: Tf,
  spec: Extract<CaseSpec, { suite: 'train' }>,
): Promise<PreparedCase> {
  const imageShape = spec.model === 'mlp' ? [spec.batchSize, MNIST_PIXELS] : [spec.batchSize, 28, 28, 1];
  const batches = mnistBatches(spec.batchSize, TRAIN_BATCHES).map((batch) => ({
    x: tf.tensor(batch.images, imageShape, 'float32'),
    y: tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(batch.labels, 'int32'), 10), 'float32')),
  }));
  return adamSteps(tf, buildModel(tf, spec.model, spec.batchSize), batches);
}

/**
 * One `tf.train.adam(1e-3).minimize` step of the softmax cross-entropy per run, cycling through
 * `batches` (one-hot targets); disposing frees the batches and the model's variables.
 */
export function adamSteps(
  tf: Tf,
  { variables, forward }: { variables: Variable[]; forward: (x: TfTensor) => TfTensor },
  batches: readonly { x: TfTensor; y: TfTensor }[],
): PreparedCase {
  const optimizer = tf.train.adam(TRAIN_LEARNING_RATE);
  let step = 0;
  return {
    run: () => {
      const { x, y } = batches[step++ % batches.length];
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, forward(x)), true, variables);
      loss?.dispose();
    },
    dispose: () => {
      optimizer.dispose();
      for (const variable of variables) variable.dispose();
      for (const { x, y } of batches) {
        x.dispose();
        y.dispose();
      }
    },
  };
}
