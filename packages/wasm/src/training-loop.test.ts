import {
  adamUpdate,
  type Conv2dAttrs,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  keep,
  logSoftmax,
  matmul,
  maxPool2dBackward,
  maxPool2dWithIndices,
  mean,
  memory,
  mul,
  oneHot,
  type Pool2dAttrs,
  randint,
  randn,
  relu,
  softmax,
  step,
  sub,
  sum,
  type Tensor,
  tidy,
  useBackend,
  zerosLike,
} from '@nagare/tensor';
import { expect, test } from 'vitest';
import { createWasmBackend } from './index';

// A tiny CNN trained for 1,000 Adam steps with hand-written gradients: conv → relu → max-pool →
// linear → softmax cross-entropy. Every step runs forward, backward (conv input and filter
// gradients, pooling backward, transposed matmuls) and in-place optimizer updates on wasm, and
// must leave the live-tensor count and the heap's high-water mark where they were.
const CONV: Conv2dAttrs = { stride: [1, 1], padding: [1, 1, 1, 1], dilation: [1, 1], groups: 1 };
const POOL: Pool2dAttrs = {
  kernelSize: [2, 2],
  stride: [2, 2],
  padding: [0, 0, 0, 0],
  dilation: [1, 1],
  ceilMode: false,
};
const BATCH = 8;

interface Parameter {
  value: Tensor;
  m: Tensor;
  v: Tensor;
}

function parameter(shape: number[], seed: number, scale: number): Parameter {
  const value = keep(mul(randn(shape, { seed }), scale));
  return { value, m: keep(zerosLike(value)), v: keep(zerosLike(value)) };
}

function trainStep(
  x: Tensor,
  labels: Tensor,
  filters: Parameter,
  weights: Parameter,
  stepNumber: number,
): number {
  return tidy(() => {
    const z = conv2d(x, filters.value, { padding: 1 });
    const a = relu(z);
    const [pooled, indices] = maxPool2dWithIndices(a, { kernelSize: 2 });
    const flat = pooled.reshape([BATCH, 64]);
    const logits = matmul(flat, weights.value);
    const target = oneHot(labels, 10);
    const loss = mean(sum(mul(target, logSoftmax(logits)), 1))
      .neg()
      .item();
    // d loss / d logits = (softmax − onehot) / batch
    const dLogits = sub(softmax(logits), target).div(BATCH);
    const dWeights = matmul(flat, dLogits, { transposeA: true });
    const dFlat = matmul(dLogits, weights.value, { transposeB: true });
    const dA = maxPool2dBackward(dFlat.reshape(pooled.shape), indices, a.shape, POOL);
    const dZ = mul(dA, step(z));
    const dFilters = conv2dBackpropFilter(x, dZ, filters.value.shape, CONV);
    conv2dBackpropInput(dZ, filters.value, x.shape, CONV); // exercised as a network with an earlier layer would
    for (const [p, g] of [
      [filters, dFilters],
      [weights, dWeights],
    ] as const) {
      adamUpdate(
        p.value,
        g,
        { m: p.m, v: p.v },
        { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: stepNumber },
      );
    }
    return loss;
  });
}

test('1,000 training steps keep live tensors and the heap high-water mark flat', async () => {
  const backend = await createWasmBackend();
  useBackend(backend);
  const x = keep(randn([BATCH, 1, 8, 8], { seed: 1 }));
  const labels = keep(randint(0, 10, [BATCH], { seed: 2 }));
  const filters = parameter([4, 1, 3, 3], 3, 0.5);
  const weights = parameter([64, 10], 4, 0.1);
  const firstLoss = trainStep(x, labels, filters, weights, 1);
  const after = { tensors: 0, highWater: 0, bytes: 0 };
  let lastLoss = firstLoss;
  for (let i = 2; i <= 1000; i++) {
    lastLoss = trainStep(x, labels, filters, weights, i);
    if (i === 10) Object.assign(after, memory());
  }
  const end = memory();
  expect(end.tensors).toBe(after.tensors);
  expect(end.bytes).toBe(after.bytes);
  expect(end.highWater).toBe(after.highWater);
  // It really trains: memorising 8 samples drives the loss towards 0.
  expect(lastLoss).toBeLessThan(firstLoss / 10);
  backend.destroy?.();
});

/** 20 Adam steps of a 256-128-10 ReLU MLP at batch 64 on `threads` threads; the final weights' bytes. */
async function trainMlp(threads: number): Promise<{ bytes: Uint8Array[]; parallelKernels: number }> {
  const backend = await createWasmBackend({ threads });
  useBackend(backend);
  try {
    const x = keep(randn([64, 256], { seed: 11 }));
    const target = keep(oneHot(randint(0, 10, [64], { seed: 12 }), 10));
    const w1 = parameter([256, 128], 13, 0.1);
    const w2 = parameter([128, 10], 14, 0.1);
    for (let stepNumber = 1; stepNumber <= 20; stepNumber++) {
      tidy(() => {
        const z = matmul(x, w1.value);
        const h = relu(z);
        const dLogits = sub(softmax(matmul(h, w2.value)), target).div(64);
        const dW2 = matmul(h, dLogits, { transposeA: true });
        const dZ = mul(matmul(dLogits, w2.value, { transposeB: true }), step(z));
        const dW1 = matmul(x, dZ, { transposeA: true });
        for (const [p, g] of [
          [w1, dW1],
          [w2, dW2],
        ] as const) {
          adamUpdate(
            p.value,
            g,
            { m: p.m, v: p.v },
            { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: stepNumber },
          );
        }
      });
    }
    const bytes = [w1, w2]
      .flatMap((p) => [p.value, p.m, p.v])
      .map((t) => {
        const values = t.dataSync();
        return new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
      });
    return { bytes, parallelKernels: backend.parallelKernels };
  } finally {
    backend.destroy();
  }
}

test('training on 2 threads gives bit-identical weights and optimizer state to 1 thread', async () => {
  const serial = await trainMlp(1);
  const threaded = await trainMlp(2);
  expect(threaded.parallelKernels).toBeGreaterThan(0); // the second thread really took part
  for (let i = 0; i < serial.bytes.length; i++) {
    expect(Buffer.from(threaded.bytes[i]).equals(serial.bytes[i])).toBe(true);
  }
});
