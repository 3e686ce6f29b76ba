// The Playground's worker: builds the chosen 2-D dataset and MLP with nagare and trains it with
// `fit`, sending the losses and the decision boundary after every epoch.
import { noGrad } from '@nagare/autograd';
import {
  blobs,
  circles,
  DataLoader,
  type Dataset,
  spirals,
  type TensorDataset,
  trainValSplit,
  xor,
} from '@nagare/data';
import { createActivation, crossEntropy, Linear, Sequential, type TensorModule } from '@nagare/layers';
import { Adam, Momentum, type Optimizer, SGD } from '@nagare/optimizers';
import {
  abs,
  add,
  argmax,
  dispose,
  max,
  scalar,
  softmax,
  square,
  sum,
  type Tensor,
  tensor,
  tidy,
} from '@nagare/tensor';
import { fit, type Regularizer } from '@nagare/train';
import { installBackend } from '../lib/install-backend';
import type {
  BoundaryGrid,
  PlaygroundConfig,
  PlaygroundRequest,
  PlaygroundResponse,
} from '../lib/playground-protocol';
import { EXTENT } from '../lib/playground-protocol';
import { oneAtATime, onRequest, reply } from '../lib/worker-host';

const GRID = 48;
const POINTS = 600;
const send = (message: PlaygroundResponse, transfer: Transferable[] = []) => reply(message, transfer);

let controller: AbortController | null = null;
// Previews and training runs take turns: each installs the backend its request asks for.
const inTurn = oneAtATime();

function makeDataset(config: PlaygroundConfig): TensorDataset {
  // An emptied noise field arrives as NaN or ''; treat it as no noise.
  const noise = Number.isFinite(config.noise) && config.noise >= 0 ? config.noise : 0;
  const options = { noise, seed: config.seed };
  switch (config.dataset) {
    case 'spiral':
      return spirals(POINTS, options);
    case 'circles':
      return circles(POINTS, options);
    case 'xor':
      return xor(POINTS, options);
    case 'blobs':
      return blobs(POINTS, { ...options, std: 0.15 + noise });
  }
}

/**
 * The points and labels as host arrays: the whole set as one batch, read with `data()` so this works
 * on every backend. Two reads in all, as reading point by point would cost WebGPU a round trip each.
 */
async function columns(dataset: Dataset<Tensor[]>) {
  const all = Array.from({ length: dataset.length }, (_, i) => i);
  const [x, y] = new DataLoader(dataset).load(all);
  const [points, labels] = await Promise.all([x.data(), y.data()]).finally(() => dispose([x, y]));
  return { points: Float32Array.from(points), labels: Int32Array.from(labels) };
}

function buildModel(config: PlaygroundConfig, classes: number): Sequential {
  const sizes = [2, ...config.hidden, classes];
  const modules: TensorModule[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    modules.push(new Linear(sizes[i], sizes[i + 1], { seed: config.seed * 100 + i }));
    if (i + 2 < sizes.length) modules.push(createActivation(config.activation));
  }
  return new Sequential(...modules);
}

function buildOptimizer(config: PlaygroundConfig, model: Sequential): Optimizer {
  const parameters = model.parameters();
  if (config.optimizer === 'sgd') return new SGD(parameters, { lr: config.lr });
  if (config.optimizer === 'momentum') return new Momentum(parameters, { lr: config.lr, momentum: 0.9 });
  return new Adam(parameters, { lr: config.lr });
}

/** λ·Σ|w| or λ·Σw² over the weight matrices (biases are not penalized, as in the TF Playground). */
function weightPenalty(config: PlaygroundConfig, model: Sequential): Regularizer[] {
  if (config.regularization === 'none' || config.regularizationRate === 0) return [];
  const weights = model
    .modules()
    .filter((m): m is Linear => m instanceof Linear)
    .map((m) => m.weight);
  const term = config.regularization === 'l1' ? abs : square;
  return [
    {
      name: config.regularization,
      penalty: () =>
        weights.reduce((total, w) => add(total, sum(term(w))), scalar(0)).mul(config.regularizationRate),
    },
  ];
}

async function boundary(model: Sequential): Promise<BoundaryGrid> {
  const coordinates = new Float32Array(GRID * GRID * 2);
  for (let row = 0; row < GRID; row++) {
    for (let column = 0; column < GRID; column++) {
      const offset = 2 * (row * GRID + column);
      coordinates[offset] = -EXTENT + ((column + 0.5) / GRID) * 2 * EXTENT;
      coordinates[offset + 1] = EXTENT - ((row + 0.5) / GRID) * 2 * EXTENT;
    }
  }
  const [predicted, confidence] = noGrad(() =>
    tidy(() => {
      const probabilities = softmax(model.call(tensor(coordinates, { shape: [GRID * GRID, 2] })), 1);
      return [argmax(probabilities, 1), max(probabilities, 1)];
    }),
  );
  // Read asynchronously, so the playground runs unchanged on a backend that cannot read synchronously (WebGPU).
  const [classes, confidences] = await Promise.all([predicted.data(), confidence.data()]).finally(() =>
    dispose([predicted, confidence]),
  );
  return { size: GRID, predicted: Uint8Array.from(classes), confidence: Float32Array.from(confidences) };
}

async function prepare(config: PlaygroundConfig) {
  // Per request, as the page's backend switch may have changed (installBackend keeps each backend);
  // nothing of an earlier request outlives it, so no tensor mixes two backends.
  send({ type: 'ready', backend: await installBackend(1, config.backend) });
  const { train: trainSet, val: testSet } = trainValSplit(makeDataset(config), {
    val: 0.3,
    seed: config.seed,
  });
  const classes = config.dataset === 'blobs' ? 3 : 2;
  return {
    trainSet,
    testSet,
    classes,
    trainColumns: await columns(trainSet),
    testColumns: await columns(testSet),
  };
}

async function preview(config: PlaygroundConfig): Promise<void> {
  const { classes, trainColumns, testColumns } = await prepare(config);
  send({ type: 'data', classes, train: trainColumns, test: testColumns, parameters: null });
}

async function train(config: PlaygroundConfig): Promise<void> {
  const { trainSet, testSet, classes, trainColumns, testColumns } = await prepare(config);
  const model = buildModel(config, classes);
  send({ type: 'data', classes, train: trainColumns, test: testColumns, parameters: model.numParameters() });

  controller = new AbortController();
  const optimizer = buildOptimizer(config, model);
  const history = await fit(model, {
    train: trainSet,
    val: testSet,
    epochs: config.epochs,
    batchSize: config.batchSize,
    seed: config.seed,
    optimizer,
    loss: (output, target) => crossEntropy(output, target),
    metrics: ['accuracy'],
    regularizers: weightPenalty(config, model),
    signal: controller.signal,
    callbacks: [
      {
        onEpochEnd: async (_context, { epoch, metrics }) => {
          const grid = await boundary(model);
          send(
            {
              type: 'epoch',
              epoch,
              epochs: config.epochs,
              loss: metrics.loss,
              testLoss: metrics.val_loss,
              accuracy: metrics.accuracy,
              testAccuracy: metrics.val_accuracy,
              grid,
            },
            [grid.predicted.buffer, grid.confidence.buffer],
          );
        },
      },
    ],
  });
  send({ type: 'done', stopped: history.stopReason !== null, epochs: history.epochs.length });
  optimizer.dispose();
  model.dispose();
  controller = null;
}

onRequest<PlaygroundRequest>(async (request) => {
  // Stop at once: it aborts the training run in progress.
  if (request.type === 'stop') controller?.abort();
  else if (request.type === 'preview') await inTurn(() => preview(request.config));
  else await inTurn(() => train(request.config));
});
