// The initialization experiment's worker: random input through 5 dense layers of 100 units whose
// weights come from @nagare/layers' initializers; reports each layer's activation histogram.
import { init } from '@nagare/layers';
import { matmul, randn, relu, sigmoid, type Tensor, tanh, tidy, zeros } from '@nagare/tensor';
import {
  HISTOGRAM_RANGE,
  INIT_EXPERIMENT,
  type InitActivation,
  type InitName,
  type InitRequest,
  type InitResponse,
  type LayerHistogram,
} from '../lib/init-protocol';
import { installBackend } from '../lib/install-backend';
import { oneAtATime, onRequest, reply } from '../lib/worker-host';

const send = (message: InitResponse) => reply(message);

/** A [units, units] weight matrix drawn with the chosen initializer. */
function weights(name: InitName, seed: number): Tensor {
  const w = zeros([INIT_EXPERIMENT.units, INIT_EXPERIMENT.units]);
  switch (name) {
    case 'normal1':
      return init.normal(w, { std: 1, seed });
    case 'normal001':
      return init.normal(w, { std: 0.01, seed });
    case 'xavier':
      // fanIn = fanOut = 100, so 2/(fanIn + fanOut) = 1/n: the book's Xavier.
      return init.xavierNormal(w, { seed });
    case 'he':
      return init.heNormal(w, { nonlinearity: 'relu', seed });
  }
}

const ACTIVATIONS: Record<InitActivation, (x: Tensor) => Tensor> = { sigmoid, tanh, relu };

function histogram(layer: number, values: Float32Array, activation: InitActivation): LayerHistogram {
  const [low, high] = HISTOGRAM_RANGE[activation];
  const counts = new Array<number>(INIT_EXPERIMENT.bins).fill(0);
  let sum = 0;
  let squares = 0;
  let zeroCount = 0;
  let outside = 0;
  for (const v of values) {
    sum += v;
    squares += v * v;
    if (activation === 'relu' && v === 0) zeroCount++;
    else if (v < low || v > high) outside++;
    else
      counts[
        Math.min(INIT_EXPERIMENT.bins - 1, Math.floor(((v - low) / (high - low)) * INIT_EXPERIMENT.bins))
      ]++;
  }
  const mean = sum / values.length;
  return {
    layer,
    counts,
    mean,
    std: Math.sqrt(Math.max(0, squares / values.length - mean * mean)),
    zeros: zeroCount,
    outside,
  };
}

// The run whose layers are wanted, set as each request arrives: a newer request (or stop) makes an
// older run quit between layers.
let latest: number | null = null;
// The runs themselves take turns: each installs the backend it asks for, which must not change
// under a run still going.
const inTurn = oneAtATime();
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function run(request: Extract<InitRequest, { type: 'run' }>): Promise<void> {
  const { id, init: initName, activation, seed } = request;
  if (latest !== id) return; // replaced while it waited for its turn
  // Per run, as the page's backend switch may have changed (installBackend keeps each backend).
  const backend = await installBackend(1, request.backend);
  let x = randn([INIT_EXPERIMENT.samples, INIT_EXPERIMENT.units], { seed });
  try {
    for (let layer = 1; layer <= INIT_EXPERIMENT.layers; layer++) {
      const previous = x;
      x = tidy(() => ACTIVATIONS[activation](matmul(previous, weights(initName, seed + layer))));
      previous.dispose();
      send({ type: 'layer', id, histogram: histogram(layer, (await x.data()) as Float32Array, activation) });
      await nextTask(); // lets a newer request in
      if (latest !== id) return;
    }
    send({ type: 'done', id, init: initName, activation, backend });
  } finally {
    x.dispose();
  }
}

onRequest<InitRequest>(async (request) => {
  if (request.type === 'stop') {
    latest = null;
    return;
  }
  latest = request.id;
  await inTurn(() => run(request));
});
