// Page entry: trains LeNet-5 on an MNIST subset on webgpu with a hand-written loop (forward,
// crossEntropy, backward, Adam) and scores it on held-out images, reading values only with
// `await t.data()`, as webgpu requires.
//
// Workaround: @nagare/layers' crossEntropy checks the labels on the host (dataSync), which a
// backend with `readsAsyncOnly` refuses; until it skips that check there, the loss is written here
// from primitives. The async-read work on @nagare/layers owns the fix.
import { noGrad } from '@nagare/autograd';
import { mnistFromBytes, type TensorDataset } from '@nagare/data';
import type { Sequential } from '@nagare/layers';
import { lenet5 } from '@nagare/layers/models';
import { Adam } from '@nagare/optimizers';
import { argmax, div, logSoftmax, mean, mul, neg, oneHot, sub, sum, type Tensor, tidy } from '@nagare/tensor';

/** IDX files (image and label) of the training and test subsets, base64-encoded by the Node side. */
export interface LenetArgs {
  trainImages: string;
  trainLabels: string;
  testImages: string;
  testLabels: string;
  epochs: number;
  batchSize: number;
  lr: number;
}

/** Test accuracy, the mean loss of each epoch and the training time. */
export interface LenetResult {
  accuracy: number;
  testImages: number;
  trainImages: number;
  epochLosses: number[];
  trainSeconds: number;
}

const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** 0…n−1 in an order fixed by `seed` (Fisher–Yates on a linear congruential generator). */
function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Mean cross-entropy of `logits` [N, 10] against int32 `labels` [N]: −mean(Σ oneHot · logSoftmax). */
function crossEntropyLoss(logits: Tensor, labels: Tensor): Tensor {
  return neg(mean(sum(mul(oneHot(labels, 10), logSoftmax(logits, 1)), 1)));
}

/** Pixels in [0, 1] standardized with MNIST's mean and standard deviation (0.1307, 0.3081). */
const standardize = (x: Tensor) => div(sub(x, 0.1307), 0.3081);

/** One epoch of minibatch steps; resolves to the mean loss, read once at the end. */
async function trainEpoch(
  model: Sequential,
  optimizer: Adam,
  data: TensorDataset,
  args: LenetArgs,
  epoch: number,
) {
  const order = shuffled(data.length, epoch + 1);
  const losses: Tensor[] = [];
  model.train();
  for (let start = 0; start < order.length; start += args.batchSize) {
    const indices = order.slice(start, start + args.batchSize);
    losses.push(
      tidy(() => {
        const [x, y] = data.getBatch(indices);
        const loss = crossEntropyLoss(model.call(standardize(x)), y);
        loss.backward();
        optimizer.step();
        model.zeroGrad();
        optimizer.zeroGrad();
        return loss.detach();
      }),
    );
  }
  const values = await Promise.all(losses.map((loss) => loss.data()));
  for (const loss of losses) loss.dispose();
  return values.reduce((sum, v) => sum + v[0], 0) / values.length;
}

/** Correct predictions on `data`, in batches of 250. */
async function countCorrect(model: Sequential, data: TensorDataset): Promise<number> {
  model.eval();
  let correct = 0;
  for (let start = 0; start < data.length; start += 250) {
    const indices = Array.from({ length: Math.min(250, data.length - start) }, (_, i) => start + i);
    const [x, y] = data.getBatch(indices);
    const predicted = noGrad(() => tidy(() => argmax(model.call(standardize(x)), 1)));
    const [guesses, labels] = await Promise.all([predicted.data(), y.data()]);
    for (let i = 0; i < labels.length; i++) if (guesses[i] === labels[i]) correct++;
    for (const t of [x, y, predicted]) t.dispose();
  }
  return correct;
}

/** Trains the modern LeNet-5 (ReLU, max pooling) with Adam and returns its test accuracy. */
export async function trainLenet(args: LenetArgs): Promise<LenetResult> {
  const train = await mnistFromBytes(decode(args.trainImages), decode(args.trainLabels));
  const test = await mnistFromBytes(decode(args.testImages), decode(args.testLabels));
  const model = lenet5({ variant: 'modern', seed: 0 });
  const optimizer = new Adam(model.parameters(), { lr: args.lr });
  const started = performance.now();
  const epochLosses: number[] = [];
  for (let epoch = 0; epoch < args.epochs; epoch++) {
    epochLosses.push(await trainEpoch(model, optimizer, train, args, epoch));
  }
  const trainSeconds = (performance.now() - started) / 1000;
  const correct = await countCorrect(model, test);
  return {
    accuracy: correct / test.length,
    testImages: test.length,
    trainImages: train.length,
    epochLosses,
    trainSeconds,
  };
}
