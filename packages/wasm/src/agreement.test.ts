import {
  add,
  avgPool2d,
  avgPool2dBackward,
  type Backend,
  type Conv2dAttrs,
  concat,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  cos,
  createJsBackend,
  cumsum,
  expm1,
  getBackend,
  gt,
  le,
  log1p,
  logSoftmax,
  matmul,
  maxPool2dWithIndices,
  type NestedArray,
  randn,
  sin,
  softmax,
  softplus,
  sum,
  type Tensor,
  tensor,
  tidy,
  topk,
  transpose,
  useBackend,
  where,
} from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { afterAll, expect, test } from 'vitest';
import { createWasmBackend } from './index';

// Shapes larger and more awkward than the shared op cases: past the GEMM's cache blocks (k > 512,
// n > 256, odd m), image boundaries inside the filter gradient's depth, groups, strides, dilation
// and asymmetric padding. The js backend is the reference.
const js = createJsBackend();
const wasm = await createWasmBackend();
afterAll(() => wasm.destroy());

function runOn(backend: Backend, build: () => Tensor | Tensor[]): NestedArray[] {
  const previous = getBackend();
  useBackend(backend);
  try {
    return tidy(() => {
      const result = build();
      return (Array.isArray(result) ? result : [result]).map((t) => t.toArray());
    });
  } finally {
    useBackend(previous);
  }
}

const CONV: Conv2dAttrs = { stride: [2, 1], padding: [1, 0, 2, 1], dilation: [1, 2], groups: 2 };

const CASES: [string, () => Tensor | Tensor[]][] = [
  [
    'matmul past every cache block',
    () => matmul(randn([67, 600], { seed: 1 }), randn([600, 300], { seed: 2 })),
  ],
  [
    'matmul transposeA',
    () => matmul(randn([530, 45], { seed: 3 }), randn([530, 270], { seed: 4 }), { transposeA: true }),
  ],
  [
    'matmul transposeB',
    () => matmul(randn([45, 530], { seed: 5 }), randn([270, 530], { seed: 6 }), { transposeB: true }),
  ],
  ['matmul broadcast batches', () => matmul(randn([3, 1, 5, 7], { seed: 7 }), randn([2, 7, 9], { seed: 8 }))],
  [
    'conv2d groups, stride, dilation, padding',
    () =>
      conv2d(randn([3, 6, 13, 11], { seed: 9 }), randn([8, 3, 3, 3], { seed: 10 }), {
        stride: [2, 1],
        padding: [1, 0, 2, 1],
        dilation: [1, 2],
        groups: 2,
      }),
  ],
  [
    'conv2d deeper than one depth block',
    () => conv2d(randn([2, 64, 10, 10], { seed: 11 }), randn([16, 64, 3, 3], { seed: 12 }), { padding: 1 }),
  ],
  [
    'conv2dBackpropInput',
    () =>
      conv2dBackpropInput(
        randn([3, 8, 6, 11], { seed: 13 }),
        randn([8, 3, 3, 3], { seed: 14 }),
        [3, 6, 13, 12],
        CONV,
      ),
  ],
  [
    'conv2dBackpropFilter (depth crosses images)',
    () =>
      conv2dBackpropFilter(
        randn([3, 6, 13, 12], { seed: 15 }),
        randn([3, 8, 6, 11], { seed: 16 }),
        [8, 3, 3, 3],
        CONV,
      ),
  ],
  [
    'maxPool2d 2x2 stride 2 with ties and NaN',
    () => {
      const columnOfNaN = tensor([0, 0, Number.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      return maxPool2dWithIndices(randn([2, 3, 10, 13], { seed: 27 }).round().maximum(-1).add(columnOfNaN), {
        kernelSize: 2,
      });
    },
  ],
  [
    'conv2dBackpropInput in column chunks',
    () =>
      conv2dBackpropInput(
        randn([1, 8, 32, 32], { seed: 28 }),
        randn([8, 64, 3, 3], { seed: 29 }),
        [1, 64, 34, 34],
        {
          stride: [1, 1],
          padding: [0, 0, 0, 0],
          dilation: [1, 1],
          groups: 1,
        },
      ),
  ],
  [
    'avgPool2d 2x2 stride 2 on an odd width',
    () => avgPool2d(randn([2, 3, 10, 13], { seed: 37 }), { kernelSize: 2 }),
  ],
  [
    'avgPool2dBackward 2x2 stride 2 on an odd width',
    () =>
      avgPool2dBackward(randn([2, 3, 5, 6], { seed: 38 }), [2, 3, 10, 13], {
        kernelSize: [2, 2],
        stride: [2, 2],
        padding: [0, 0, 0, 0],
        dilation: [1, 1],
        ceilMode: false,
        countIncludePad: true,
      }),
  ],
  [
    'maxPool2d ceil mode, padding, dilation',
    () =>
      maxPool2dWithIndices(randn([2, 3, 11, 10], { seed: 17 }), {
        kernelSize: 3,
        stride: 2,
        padding: 1,
        dilation: [1, 2],
        ceilMode: true,
      }),
  ],
  [
    'avgPool2d without padded taps',
    () =>
      avgPool2d(randn([2, 3, 11, 10], { seed: 18 }), {
        kernelSize: [3, 2],
        stride: 2,
        padding: 1,
        ceilMode: true,
        countIncludePad: false,
      }),
  ],
  ['softmax along a strided axis', () => softmax(randn([37, 5, 3], { seed: 19 }).mul(10), 0)],
  ['logSoftmax of long rows', () => logSoftmax(randn([9, 1001], { seed: 20 }).mul(30))],
  ['gt against a scalar, with NaN, past 16 lanes', () => gt(randn([1003], { seed: 30 }).sqrt(), 0.3)],
  ['le of a scalar and a vector', () => le(tensor(0.1), randn([997], { seed: 31 }))],
  [
    'where with a scalar branch',
    () => where(gt(randn([1001], { seed: 32 }), 0), randn([1001], { seed: 33 }), -2),
  ],
  [
    'where broadcasting a row',
    () => where(gt(randn([7, 1], { seed: 34 }), 0), randn([7, 33], { seed: 35 }), randn([33], { seed: 36 })),
  ],
  ['sum over separated axes', () => sum(randn([5, 7, 9, 4], { seed: 21 }), [0, 2])],
  ['broadcast add [4,1,6] + [5,1]', () => add(randn([4, 1, 6], { seed: 22 }), randn([5, 1], { seed: 23 }))],
  ['transpose 4-D', () => transpose(randn([3, 4, 5, 6], { seed: 24 }), [2, 0, 3, 1])],
  [
    'cumsum reverse exclusive',
    () => cumsum(randn([6, 50, 3], { seed: 25 }), 1, { reverse: true, exclusive: true }),
  ],
  ['topk along a middle axis', () => topk(randn([4, 300, 3], { seed: 26 }), 17, { axis: 1, largest: false })],
];

test.each(CASES)('%s agrees with the js backend', (_name, build) => {
  const expected = runOn(js, build);
  const actual = runOn(wasm, build);
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) expectAllClose(actual[i], expected[i], { rtol: 1e-4, atol: 1e-4 });
});

/** Float32 bits mapped so that adjacent floats differ by 1 (and −0 meets +0). */
function orderedBits(values: Float32Array): Int32Array {
  const bits = new Int32Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  return bits.map((b) => (b < 0 ? -(b & 0x7fffffff) : b));
}

test.each([
  ['expm1', expm1, 5],
  ['log1p', (x: Tensor) => log1p(x.abs().sub(0.999)), 5],
  ['sin', sin, 100],
  ['cos', cos, 100],
  ['softplus', softplus, 30],
] as const)(
  'float32 %s is within 1 ulp of the js backend, special and huge lanes included',
  (_name, op, scale) => {
    // An odd length for the partial last vector; ±Inf, NaN and arguments past the vector range reduction.
    const special = [Infinity, -Infinity, Number.NaN, 0, -0, 1e10, -3e38, 8388609, -1, 1e-30];
    const build = () => op(concat([randn([4093], { seed: 40 }).mul(scale), tensor(special)]));
    const read = (backend: Backend) => {
      const previous = getBackend();
      useBackend(backend);
      try {
        return tidy(() => build().dataSync() as Float32Array).slice();
      } finally {
        useBackend(previous);
      }
    };
    const expected = read(js);
    const actual = read(wasm);
    const [a, e] = [orderedBits(actual), orderedBits(expected)];
    for (let i = 0; i < actual.length; i++) {
      if (Number.isNaN(expected[i])) expect(actual[i], `at ${i}`).toBeNaN();
      else expect(Math.abs(a[i] - e[i]), `at ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(1);
    }
  },
);
