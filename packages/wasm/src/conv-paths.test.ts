import {
  type Backend,
  type Conv2dAttrs,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  createJsBackend,
  getBackend,
  randn,
  type Tensor,
  tensor,
  tidy,
  useBackend,
} from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { afterAll, expect, test } from 'vitest';
import { createWasmBackend, type WasmBackend } from './index';

// Every float32 conv path (kernels/conv.ts) against the js reference and across thread counts:
// the panel conv (forward; stride-1 input gradient with ≥ 8 input channels per group), the
// direct filter gradient (horizontal stride 1) and the GEMM paths they leave to (other strides,
// few channels, one image). Odd sizes put panels across output rows, partial 4-row filter
// panels, partial 4-pixel sweeps and depth slices past 512.
const js = createJsBackend();
const serial = await createWasmBackend({ threads: 1 });
const threaded = await createWasmBackend({ threads: 2 });
afterAll(() => {
  serial.destroy?.();
  threaded.destroy?.();
});

function runOn(backend: Backend, build: () => Tensor): Float32Array {
  const previous = getBackend();
  useBackend(backend);
  try {
    return tidy(() => Float32Array.from(build().dataSync() as Float32Array));
  } finally {
    useBackend(previous);
  }
}

interface Geometry {
  name: string;
  x: [number, number, number, number];
  w: [number, number, number, number];
  attrs: Conv2dAttrs;
}

const attrs = (
  stride: [number, number],
  padding: [number, number, number, number],
  dilation: [number, number],
  groups: number,
): Conv2dAttrs => ({ stride, padding, dilation, groups });

const GEOMETRIES: Geometry[] = [
  {
    name: 'one channel, 3×3 same, rows of 13',
    x: [3, 1, 11, 13],
    w: [5, 1, 3, 3],
    attrs: attrs([1, 1], [1, 1, 1, 1], [1, 1], 1),
  },
  {
    name: 'LeNet-like 5×5 valid, rows of 6',
    x: [4, 6, 10, 10],
    w: [9, 6, 5, 5],
    attrs: attrs([1, 1], [0, 0, 0, 0], [1, 1], 1),
  },
  {
    name: 'rows narrower than a panel',
    x: [2, 9, 5, 3],
    w: [8, 9, 2, 2],
    attrs: attrs([1, 1], [1, 0, 0, 1], [1, 1], 1),
  },
  {
    name: 'groups, dilation, asymmetric padding',
    x: [3, 16, 9, 12],
    w: [10, 8, 3, 2],
    attrs: attrs([1, 1], [2, 0, 1, 3], [2, 3], 2),
  },
  {
    name: 'padding past the kernel (negative in the adjoint)',
    x: [2, 8, 6, 7],
    w: [12, 8, 2, 3],
    attrs: attrs([1, 1], [3, 2, 4, 1], [1, 1], 1),
  },
  {
    name: 'depth past one slice',
    x: [2, 70, 6, 9],
    w: [7, 70, 3, 3],
    attrs: attrs([1, 1], [1, 1, 1, 1], [1, 1], 1),
  },
  {
    name: 'filter gradient in several accumulator passes',
    x: [2, 64, 5, 6],
    w: [41, 64, 3, 3],
    attrs: attrs([1, 1], [1, 1, 1, 1], [1, 1], 1),
  },
  {
    name: 'vertical stride 2',
    x: [3, 8, 13, 11],
    w: [6, 8, 3, 3],
    attrs: attrs([2, 1], [1, 1, 1, 1], [1, 1], 1),
  },
  {
    name: 'horizontal stride 2',
    x: [3, 8, 11, 13],
    w: [6, 4, 3, 3],
    attrs: attrs([1, 2], [1, 0, 1, 2], [1, 1], 2),
  },
  {
    name: 'stride 3 × 2, dilation 2',
    x: [2, 3, 17, 15],
    w: [5, 3, 3, 3],
    attrs: attrs([3, 2], [2, 2, 1, 1], [2, 2], 1),
  },
  { name: 'one image', x: [1, 8, 9, 10], w: [4, 8, 3, 3], attrs: attrs([1, 1], [1, 1, 1, 1], [1, 1], 1) },
];

function outputShape({ x, w, attrs: a }: Geometry): [number, number, number, number] {
  const span = (k: number, d: number) => (k - 1) * d + 1;
  const outH = Math.floor((x[2] + a.padding[0] + a.padding[1] - span(w[2], a.dilation[0])) / a.stride[0]) + 1;
  const outW = Math.floor((x[3] + a.padding[2] + a.padding[3] - span(w[3], a.dilation[1])) / a.stride[1]) + 1;
  return [x[0], w[0], outH, outW];
}

type Pass = 'forward' | 'input gradient' | 'filter gradient';
const PASSES: Pass[] = ['forward', 'input gradient', 'filter gradient'];

function build(geometry: Geometry, pass: Pass): () => Tensor {
  const { x, w, attrs: a } = geometry;
  return () => {
    if (pass === 'forward') return conv2d(randn(x, { seed: 1 }), randn(w, { seed: 2 }), a);
    const dy = randn(outputShape(geometry), { seed: 3 });
    if (pass === 'input gradient') return conv2dBackpropInput(dy, randn(w, { seed: 2 }), x, a);
    return conv2dBackpropFilter(randn(x, { seed: 1 }), dy, w, a);
  };
}

const CASES = GEOMETRIES.flatMap((geometry) =>
  PASSES.map((pass) => [geometry.name, pass, geometry] as const),
);

test.each(CASES)(
  '%s, %s: agrees with js and is bit-identical on 1 and 2 threads',
  (_name, pass, geometry) => {
    const make = build(geometry, pass);
    const expected = runOn(js, make);
    const one = runOn(serial, make);
    const two = runOn(threaded, make);
    expectAllClose(one, expected, { rtol: 1e-4, atol: 1e-4 });
    expect(Buffer.compare(Buffer.from(one.buffer), Buffer.from(two.buffer))).toBe(0);
  },
);

test.each([
  ['forward', 'LeNet conv 1', [64, 1, 28, 28], [6, 1, 5, 5], 2],
  ['input gradient', 'large', [8, 32, 16, 16], [32, 32, 3, 3], 1],
  ['filter gradient', 'LeNet conv 2', [64, 6, 14, 14], [16, 6, 5, 5], 0],
] as const)('%s of %s splits across 2 threads with the same bits', (pass, _name, x, w, pad) => {
  const make = build(
    { name: '', x: [...x], w: [...w], attrs: attrs([1, 1], [pad, pad, pad, pad], [1, 1], 1) },
    pass,
  );
  const one = runOn(serial, make);
  const before = (threaded as WasmBackend).parallelKernels;
  const two = runOn(threaded, make);
  expect(threaded.parallelKernels).toBeGreaterThan(before);
  expect(Buffer.compare(Buffer.from(one.buffer), Buffer.from(two.buffer))).toBe(0);
});

test('the filter gradient keeps inf · 0 out of pixels past a row end', () => {
  // x is infinite only in a column no output pixel reads with tap kx = 0; lanes past the row must
  // not multiply it by a zero dy.
  const a = attrs([1, 1], [0, 0, 0, 0], [1, 1], 1);
  const values = Array.from({ length: 2 * 7 }, (_, i) => (i % 7 === 6 ? Number.POSITIVE_INFINITY : 1));
  const make = () =>
    conv2dBackpropFilter(
      tensor(values, { shape: [1, 1, 2, 7] }),
      tensor(new Array(5).fill(1), { shape: [1, 1, 1, 5] }),
      [1, 1, 2, 3],
      a,
    );
  const wasmResult = Array.from(runOn(serial, make));
  const reference = Array.from(runOn(js, make));
  expect(wasmResult).toEqual(reference);
  const two = runOn(threaded, () =>
    conv2dBackpropFilter(
      tensor([...values, ...values], { shape: [2, 1, 2, 7] }),
      tensor(new Array(10).fill(1), { shape: [2, 1, 1, 5] }),
      [1, 1, 2, 3],
      a,
    ),
  );
  expect(Array.from(two)).toEqual(reference.map((v) => v * 2));
});
