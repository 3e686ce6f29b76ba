// Page entry: the heavy kernels (matmul, convolutions, pooling, reductions, softmax, cumsum, topk)
// on shapes larger than the shared op cases — several tiles, long axes, every window attribute —
// against the js backend on the same inputs.
import * as nt from '@nagare/tensor';
import { createJsBackend, type Tensor, useBackend } from '@nagare/tensor';
import type { WebGPUBackend } from '@nagare/webgpu';

/** Deterministic values in [−2, 2) from a linear congruential generator. */
function values(size: number, seed: number): number[] {
  let state = seed * 2654435761;
  return Array.from({ length: size }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32) * 4 - 2;
  });
}

const input = (shape: number[], seed: number) => nt.tensor(values(nt.sizeOf(shape), seed)).reshape(shape);
const ints = (shape: number[], seed: number) =>
  nt.tensor(new Int32Array(values(nt.sizeOf(shape), seed).map((v) => Math.round(v * 5))), { shape });

const conv = { stride: [2, 1], padding: [1, 2, 0, 1], dilation: [1, 2], groups: 2 } satisfies nt.Conv2dAttrs;
const wide = { stride: [1, 1], padding: [1, 1, 1, 1], dilation: [1, 1], groups: 1 } satisfies nt.Conv2dAttrs;
const pool = {
  kernelSize: [3, 2],
  stride: [2, 3],
  padding: [1, 1, 0, 1],
  dilation: [1, 2],
  ceilMode: true,
} satisfies nt.Pool2dAttrs;

/** The output shape of pooling [2, 3, 11, 12] with `pool`. */
const pooledShape = () =>
  nt.avgPool2d(nt.zeros([2, 3, 11, 12]), { ...pool, countIncludePad: true }).shape as number[];

/** Each check builds its inputs and returns its outputs on the active backend. */
const CHECKS: Record<string, () => Tensor | Tensor[]> = {
  'matmul [70, 45] × [45, 37]': () => nt.matmul(input([70, 45], 1), input([45, 37], 2)),
  'matmul batched, broadcast, transposed': () =>
    nt.matmul(input([3, 1, 20, 33], 3), input([2, 40, 20], 4), { transposeA: true, transposeB: true }),
  'matmul int32 [40, 50] × [50, 3]': () => nt.matmul(ints([40, 50], 5), ints([50, 3], 6)),
  'conv2d groups, stride, padding, dilation': () =>
    nt.conv2d(input([2, 6, 17, 15], 7), input([8, 3, 3, 5], 8), conv),
  'conv2d 20 → 40 channels (several K tiles)': () =>
    nt.conv2d(input([3, 20, 9, 9], 9), input([40, 20, 3, 3], 10), wide),
  'conv2dBackpropInput groups, stride, dilation': () =>
    nt.conv2dBackpropInput(input([2, 8, 9, 8], 11), input([8, 3, 3, 5], 12), [2, 6, 17, 15], conv),
  'conv2dBackpropFilter groups, stride, dilation': () =>
    nt.conv2dBackpropFilter(input([2, 6, 17, 15], 13), input([2, 8, 9, 8], 14), [8, 3, 3, 5], conv),
  'conv2dBackpropFilter 20 → 40 channels': () =>
    nt.conv2dBackpropFilter(input([3, 20, 9, 9], 15), input([3, 40, 9, 9], 16), [40, 20, 3, 3], wide),
  'maxPool2d with indices, ceil mode, dilation': () =>
    nt.maxPool2dWithIndices(input([2, 3, 11, 12], 17), pool),
  maxPool2dBackward: () => {
    const [, indices] = nt.maxPool2dWithIndices(input([2, 3, 11, 12], 17), pool);
    return nt.maxPool2dBackward(input(indices.shape as number[], 18), indices, [2, 3, 11, 12], pool);
  },
  'avgPool2d countIncludePad': () =>
    nt.avgPool2d(input([2, 3, 11, 12], 19), { ...pool, countIncludePad: true }),
  'avgPool2d without padding in the count': () =>
    nt.avgPool2d(input([2, 3, 11, 12], 20), { ...pool, countIncludePad: false }),
  'avgPool2dBackward countIncludePad': () =>
    nt.avgPool2dBackward(input(pooledShape(), 21), [2, 3, 11, 12], { ...pool, countIncludePad: true }),
  'avgPool2dBackward without padding in the count': () =>
    nt.avgPool2dBackward(input(pooledShape(), 22), [2, 3, 11, 12], { ...pool, countIncludePad: false }),
  'sum over 5000 elements': () => nt.sum(input([5000], 23)),
  'sum [37, 130, 5] over axes 0 and 2': () => nt.sum(input([37, 130, 5], 24), [0, 2]),
  'prod, max, min over axis 1': () => {
    const x = input([9, 300, 4], 25);
    return [nt.prod(nt.add(nt.mul(x, 0.01), 1), 1), nt.max(x, 1), nt.min(x, [0, 1])];
  },
  'int32 sum and max': () => [nt.sum(ints([50, 70], 26), 0), nt.max(ints([50, 70], 27), 1)],
  'argmax and argmin over 700 with ties': () => {
    const x = nt.round(input([3, 700], 28));
    return [nt.argmax(x, 1), nt.argmin(x, 1, { selectLastIndex: true }), nt.argmax(x, 0)];
  },
  'softmax and logSoftmax over 300 and over a middle axis': () => [
    nt.softmax(nt.mul(input([7, 300], 29), 20), 1),
    nt.logSoftmax(input([5, 40, 3], 30), 1),
  ],
  'cumsum reverse exclusive over 300': () =>
    nt.cumsum(input([4, 300], 31), 1, { reverse: true, exclusive: true }),
  'topk smallest 7 of 50': () => nt.topk(input([6, 50], 32), 7, { axis: 1, largest: false }),
};

/** What differs between the two backends for one check (null: nothing). */
export interface HeavyResult {
  name: string;
  problem: string | null;
}

function compare(name: string, expected: nt.TypedArray[], actual: nt.TypedArray[]): string | null {
  for (let o = 0; o < expected.length; o++) {
    if (expected[o].length !== actual[o].length)
      return `output ${o}: ${actual[o].length} values, expected ${expected[o].length}`;
    for (let i = 0; i < expected[o].length; i++) {
      const [e, a] = [expected[o][i], actual[o][i]];
      if (Math.abs(a - e) > 1e-4 + 1e-4 * Math.abs(e) && !(Number.isNaN(a) && Number.isNaN(e))) {
        return `${name}: output ${o}[${i}] is ${a}, expected ${e}`;
      }
    }
  }
  return null;
}

/** Runs every check on js, then on webgpu, and reports the differences (rtol = atol = 1e-4). */
export async function runHeavyKernels(_args: unknown, backend: WebGPUBackend): Promise<HeavyResult[]> {
  const results: HeavyResult[] = [];
  const js = createJsBackend();
  for (const [name, check] of Object.entries(CHECKS)) {
    useBackend(js);
    const expected = nt.tidy(() => [check()].flat().map((t) => t.dataSync()));
    useBackend(backend);
    const outputs = [check()].flat();
    const actual = await Promise.all(outputs.map((t) => t.data()));
    for (const t of outputs) t.dispose();
    results.push({ name, problem: compare(name, expected, actual) });
  }
  return results;
}
