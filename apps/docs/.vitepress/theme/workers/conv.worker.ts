// The convolution visualizer's worker: draws small integer inputs and filters with nagare's seeded
// generator, pads the input and runs nagare's conv2d, so the page shows nagare's own numbers.
import { cast, conv2d, dispose, pad, randint, tensor, tidy } from '@nagare/tensor';
import { CONV_SETTING, type ConvRequest, type ConvResponse } from '../lib/conv-protocol';
import { installBackend } from '../lib/install-backend';
import { oneAtATime, onRequest, reply } from '../lib/worker-host';

// One request at a time: each installs the backend it asks for, which must not change under another.
const inTurn = oneAtATime();

async function compute({ seed, backend: choice }: ConvRequest): Promise<void> {
  // Per request, as the page's backend switch may have changed (installBackend keeps each backend).
  const backend = await installBackend(1, choice);
  const { channels, size, padding, filters, kernel, stride } = CONV_SETTING;
  const tensors = tidy(() => {
    // Inputs in {0, 1, 2} and weights in {−1, 0, 1}, as in the CS231n demo: sums you can check by eye.
    const x = cast(randint(0, 3, [1, channels, size, size], { seed }), 'float32');
    const w = cast(randint(-1, 2, [filters, channels, kernel, kernel], { seed: seed + 1 }), 'float32');
    const b = tensor([1, 0]);
    const padded = pad(x, [
      [0, 0],
      [0, 0],
      [padding, padding],
      [padding, padding],
    ]);
    return { padded, w, b, y: conv2d(x, w, { stride, padding, bias: b }) };
  });
  // Read asynchronously, so the demo runs unchanged on a backend that cannot read synchronously (WebGPU).
  const [padded, weights, biases, output] = await Promise.all(
    [tensors.padded, tensors.w, tensors.b, tensors.y].map((t) => t.toArrayAsync()),
  ).finally(() => dispose(Object.values(tensors)));
  const numbers = {
    padded: (padded as number[][][][])[0],
    weights: weights as number[][][][],
    biases: biases as number[],
    output: (output as number[][][][])[0],
  };
  reply<ConvResponse>({ type: 'numbers', seed, ...numbers, backend });
}

onRequest<ConvRequest>((request) => inTurn(() => compute(request)));
