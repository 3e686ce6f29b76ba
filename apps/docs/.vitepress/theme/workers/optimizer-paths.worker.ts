// The optimizer-paths worker: @nagare/optimizers' own `optimizerPathsAsync()` runs SGD, Momentum, AdaGrad
// and Adam on f(x, y) = x²/20 + y² from the chosen start.
import { optimizerPathsAsync } from '@nagare/optimizers';
import { getBackend } from '@nagare/tensor';
import { installBackend } from '../lib/install-backend';
import type { PathsRequest, PathsResponse } from '../lib/paths-protocol';
import { oneAtATime, onRequest, reply } from '../lib/worker-host';

// One request at a time: each installs the backend it asks for, which must not change under another.
const inTurn = oneAtATime();

async function run({ start, steps, backend: choice }: PathsRequest): Promise<void> {
  // Per request, as the page's backend switch may have changed (installBackend keeps each backend).
  const backend = await installBackend(1, choice);
  // The point in float64 where the backend has it; WebGPU has none, and float32 paths look the same.
  const dtype = getBackend().supports('add', 'float64') ? 'float64' : 'float32';
  reply<PathsResponse>({
    type: 'paths',
    start,
    steps,
    paths: await optimizerPathsAsync({ start, steps, dtype }),
    backend,
  });
}

onRequest<PathsRequest>((request) => inTurn(() => run(request)));
