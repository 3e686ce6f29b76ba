// The MNIST demo's worker: fetches the site's MNIST subset, trains LeNet-5 with `fit` (on WebGPU where the page asks for it and the browser has it, else wasm), scores
// it on the held-out images and then classifies the digits drawn on the page.
import { noGrad } from '@nagare/autograd';
import { mnistFromBytes, type TensorDataset } from '@nagare/data';
import { crossEntropy, type Sequential } from '@nagare/layers';
import { Adam } from '@nagare/optimizers';
import { argmax, dispose, softmax, tensor, tidy } from '@nagare/tensor';
import { fit } from '@nagare/train';
import { installBackend } from '../lib/install-backend';
import { mnistLenet5 } from '../lib/mnist-model';
import { MNIST_FILES, type MnistConfig, type MnistRequest, type MnistResponse } from '../lib/mnist-protocol';
import { onRequest, reply } from '../lib/worker-host';

const send = (message: MnistResponse, transfer: Transferable[] = []) => reply(message, transfer);
// Progress messages at most this often: the page needs a smooth bar, not one message per batch.
const PROGRESS_EVERY_MS = 100;

let model: Sequential | null = null;
let controller: AbortController | null = null;

async function download(config: MnistConfig, file: string): Promise<Uint8Array> {
  const url = `${config.dataUrl.replace(/\/$/, '')}/${file}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Accuracy on `data` in batches of 250, and up to `keep` misclassified images. Each batch is read
 * with `data()`, so scoring runs unchanged on a backend that cannot read synchronously (WebGPU).
 */
async function score(net: Sequential, data: TensorDataset, keep: number) {
  const mistakes: { pixels: Float32Array; label: number; predicted: number }[] = [];
  let correct = 0;
  net.eval();
  try {
    for (let start = 0; start < data.length; start += 250) {
      const indices = Array.from({ length: Math.min(250, data.length - start) }, (_, i) => start + i);
      const batch = noGrad(() =>
        tidy(() => {
          const [x, y] = data.getBatch(indices);
          return [argmax(net.call(x), 1), y, x];
        }),
      );
      const [predicted, labels, pixels] = await Promise.all(batch.map((t) => t.data())).finally(() =>
        dispose(batch),
      );
      for (let i = 0; i < indices.length; i++) {
        if (predicted[i] === labels[i]) correct++;
        else if (mistakes.length < keep)
          mistakes.push({
            pixels: Float32Array.from(pixels.subarray(784 * i, 784 * (i + 1))),
            label: labels[i],
            predicted: predicted[i],
          });
      }
    }
  } finally {
    net.train();
  }
  return { accuracy: correct / data.length, mistakes };
}

async function train(config: MnistConfig): Promise<void> {
  const started = performance.now();
  // The previous network lives on the current backend, which a new thread count replaces.
  model?.dispose();
  model = null;
  const backend = await installBackend(config.threads, config.backend);
  send({ type: 'status', message: 'Downloading the MNIST subset…' });
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    [MNIST_FILES.trainImages, MNIST_FILES.trainLabels, MNIST_FILES.testImages, MNIST_FILES.testLabels].map(
      (file) => download(config, file),
    ),
  );
  const trainSet = await mnistFromBytes(trainImages, trainLabels, { limit: config.trainImages });
  const testSet = await mnistFromBytes(testImages, testLabels);
  const net = mnistLenet5(config.seed);
  model = net;
  send({
    type: 'model',
    backend,
    summary: String(net),
    parameters: net.numParameters(),
    trainImages: trainSet.length,
    testImages: testSet.length,
  });

  controller = new AbortController();
  const optimizer = new Adam(net.parameters(), { lr: config.lr });
  let lastProgress = 0;
  // An exponential moving average over every batch: smooth, and not reset at epoch boundaries.
  let smoothedLoss: number | null = null;
  const history = await fit(net, {
    train: trainSet,
    epochs: config.epochs,
    batchSize: config.batchSize,
    seed: config.seed,
    optimizer,
    loss: (output, target) => crossEntropy(output, target),
    metrics: ['accuracy'],
    signal: controller.signal,
    callbacks: [
      {
        onBatchEnd: (_context, logs) => {
          smoothedLoss = smoothedLoss === null ? logs.loss : 0.95 * smoothedLoss + 0.05 * logs.loss;
          const now = performance.now();
          if (now - lastProgress < PROGRESS_EVERY_MS && logs.batch + 1 < logs.batches) return;
          lastProgress = now;
          send({
            type: 'batch',
            epoch: logs.epoch,
            epochs: config.epochs,
            batch: logs.batch + 1,
            batches: logs.batches,
            loss: smoothedLoss,
            accuracy: logs.metrics.accuracy,
          });
        },
        onEpochEnd: async (_context, logs) => {
          const { accuracy } = await score(net, testSet, 0);
          send({
            type: 'epoch',
            epoch: logs.epoch,
            loss: logs.metrics.loss,
            accuracy: logs.metrics.accuracy,
            testAccuracy: accuracy,
          });
        },
      },
    ],
  });
  optimizer.dispose();
  controller = null;
  const { accuracy, mistakes } = await score(net, testSet, 12);
  send({
    type: 'done',
    stopped: history.stopReason !== null,
    testAccuracy: accuracy,
    testImages: testSet.length,
    seconds: (performance.now() - started) / 1000,
    mistakes,
  });
}

async function predict(pixels: Float32Array): Promise<void> {
  if (!model) throw new Error('train the network first');
  const net = model;
  net.eval();
  const output = noGrad(() => tidy(() => softmax(net.call(tensor(pixels, { shape: [1, 1, 28, 28] })), 1)));
  const probabilities = Float32Array.from(await output.data().finally(() => output.dispose()));
  send({ type: 'prediction', probabilities }, [probabilities.buffer]);
}

onRequest<MnistRequest>(async (request) => {
  if (request.type === 'stop') controller?.abort();
  else if (request.type === 'predict') await predict(request.pixels);
  else await train(request.config);
});
