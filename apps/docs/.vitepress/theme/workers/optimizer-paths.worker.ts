// The optimizer-paths worker: @nagare/optimizers' own `optimizerPathsAsync()` runs SGD, Momentum, AdaGrad
// and Adam on f(x, y) = x²/20 + y² from the chosen start.
import { optimizerPathsAsync } from '@nagare/optimizers';
import { installBackend } from '../lib/install-backend';
import type { PathsRequest, PathsResponse } from '../lib/paths-protocol';
import { onRequest, reply } from '../lib/worker-host';

let backendReady: Promise<string> | null = null;

onRequest<PathsRequest>(async ({ start, steps }) => {
  backendReady ??= installBackend();
  const backend = await backendReady;
  reply<PathsResponse>({
    type: 'paths',
    start,
    steps,
    paths: await optimizerPathsAsync({ start, steps }),
    backend,
  });
});
