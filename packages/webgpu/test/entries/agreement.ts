// Page entry: each case runs on the js backend (the reference semantics) and on webgpu with the same
// seeded inputs, and the two results are compared. Shapes, dtypes and values go beyond the shared
// suite: rank-4 broadcasts, mixed dtypes, int32 wrap-around, large arguments, every pad mode.
import * as nt from '@nagare/tensor';
import { createJsBackend, type Tensor, tensor, tidy, useBackend } from '@nagare/tensor';
import { compareAllClose, type Tolerance } from '@nagare/tensor/testing';
import type { WebGPUBackend } from '@nagare/webgpu';

interface AgreementCase {
  name: string;
  run: () => Tensor;
  tolerance?: Tolerance;
}

const f32 = (shape: number[], seed: number, scale = 1) => nt.mul(nt.randn(shape, { seed }), scale);
const ints = (shape: number[], seed: number, low = -50, high = 50) => nt.randint(low, high, shape, { seed });
const A = () => f32([2, 1, 3, 1], 1, 3);
const B = () => f32([4, 1, 5], 2, 3);

const BINARY = [
  'add',
  'sub',
  'mul',
  'div',
  'maximum',
  'minimum',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
] as const;
const UNARY = [
  'neg',
  'abs',
  'sign',
  'square',
  'relu',
  'step',
  'floor',
  'ceil',
  'round',
  'exp',
  'expm1',
  'log',
  'log1p',
  'sqrt',
  'rsqrt',
  'reciprocal',
  'sin',
  'cos',
  'tanh',
  'sigmoid',
  'softplus',
  'erf',
  'isNaN',
  'logicalNot',
] as const;

const CASES: AgreementCase[] = [
  ...BINARY.map((op) => ({ name: `${op} float32 [2,1,3,1] ∘ [4,1,5]`, run: () => nt[op](A(), B()) })),
  ...BINARY.map((op) => ({
    name: `${op} int32 [3,1] ∘ [1,4]`,
    run: () => nt[op](ints([3, 1], 3), ints([1, 4], 4)),
  })),
  {
    name: 'pow float32 positive base',
    run: () => nt.pow(nt.add(nt.abs(A()), 0.1), B()),
    tolerance: { rtol: 2e-5 },
  },
  { name: 'pow float32 integer exponents', run: () => nt.pow(A(), nt.round(B())), tolerance: { rtol: 2e-5 } },
  { name: 'pow int32', run: () => nt.pow(ints([3, 1], 5, -4, 5), ints([1, 6], 6, -2, 8)) },
  {
    name: 'add int32 wraps around',
    run: () => nt.add(tensor([2147483647, -2147483648], { dtype: 'int32' }), 1),
  },
  { name: 'add int32 + float32', run: () => nt.add(ints([3, 1], 7), f32([4], 8)) },
  { name: 'gt int32 vs float32', run: () => nt.gt(ints([5], 9, -2, 2), f32([5], 10)) },
  { name: 'logicalAnd bool ∘ float32', run: () => nt.logicalAnd(nt.gt(A(), 0), B()) },
  { name: 'logicalOr float32 ∘ int32', run: () => nt.logicalOr(A(), ints([4, 1, 5], 11, -1, 2)) },
  ...UNARY.map((op) => ({
    name: `${op} float32 randn·4`,
    run: () => nt[op](f32([500], 12, 4)),
    tolerance: { rtol: 2e-5, atol: 1e-6 },
  })),
  {
    name: 'sin of |x| up to ~400',
    run: () => nt.sin(f32([500], 13, 100)),
    tolerance: { rtol: 1e-4, atol: 2e-6 },
  },
  {
    name: 'cos of |x| up to ~400',
    run: () => nt.cos(f32([500], 14, 100)),
    tolerance: { rtol: 1e-4, atol: 2e-6 },
  },
  { name: 'exp of |x| up to ~80', run: () => nt.exp(f32([500], 15, 20)), tolerance: { rtol: 5e-5 } },
  {
    // WGSL's log may be off by 2⁻²¹ absolute near 1: small results must still be right relatively.
    name: 'expm1, log1p, tanh of small x and log near 1, relative to their small results',
    run: () => {
      const x = f32([300], 40, 1e-3);
      return nt.concat([nt.expm1(x), nt.log1p(x), nt.tanh(x), nt.log(nt.add(x, 1))], 0);
    },
    tolerance: { rtol: 1e-5, atol: 0 },
  },
  {
    name: 'softplus of x from −20 to −5, relative to its small result',
    run: () => nt.softplus(nt.sub(nt.mul(nt.rand([300], { seed: 41 }), 15), 20)),
    tolerance: { rtol: 1e-5, atol: 0 },
  },
  {
    name: 'tanh, sigmoid, softplus of large |x|',
    run: () => nt.add(nt.tanh(f32([500], 16, 40)), nt.softplus(f32([500], 16, 40))),
    tolerance: { rtol: 2e-5 },
  },
  ...(['neg', 'abs', 'sign', 'square', 'relu', 'step', 'floor'] as const).map((op) => ({
    name: `${op} int32`,
    run: () => nt[op](ints([200], 17, -40000, 40000)),
  })),
  { name: 'cast float32 → int32 wraps past 2³¹', run: () => nt.cast(f32([300], 18, 3e9), 'int32') },
  { name: 'cast float32 → bool', run: () => nt.cast(nt.round(f32([300], 19)), 'bool') },
  { name: 'cast int32 → float32', run: () => nt.cast(ints([300], 20, -(2 ** 30), 2 ** 30), 'float32') },
  { name: 'clip float32', run: () => nt.clip(f32([300], 21, 3), -1.5, 2) },
  { name: 'clip int32 with fractional bounds', run: () => nt.clip(ints([300], 22, -10, 10), -2.5, 7.5) },
  { name: 'where broadcasts all three', run: () => nt.where(nt.gt(f32([4, 1, 1], 23), 0), A(), B()) },
  { name: 'transpose rank 4', run: () => nt.transpose(f32([2, 3, 4, 5], 24), [2, 0, 3, 1]) },
  { name: 'expand [3,1,2] → [2,3,4,2]', run: () => nt.expand(f32([3, 1, 2], 25), [2, 3, 4, 2]) },
  {
    name: 'slice with steps 2 and −3',
    run: () => nt.slice(f32([5, 9, 4], 26), [1, -1], [5, -Infinity], { axes: [0, 1], steps: [2, -3] }),
  },
  {
    name: 'slice int32 reversed',
    run: () => nt.slice(ints([4, 6], 27), [-1], [-Infinity], { axes: [1], steps: [-1] }),
  },
  ...(['constant', 'reflect', 'edge', 'wrap'] as const).map((mode) => ({
    name: `pad ${mode} 2-D`,
    run: () =>
      nt.pad(
        f32([3, 4], 28),
        [
          [2, 1],
          [1, 3],
        ],
        { mode, value: 1.5 },
      ),
  })),
  {
    name: 'pad int32 constant',
    run: () =>
      nt.pad(
        ints([2, 3], 29),
        [
          [1, 0],
          [0, 2],
        ],
        { value: -7 },
      ),
  },
  {
    name: 'concat three along axis 1',
    run: () => nt.concat([f32([2, 1, 3], 30), f32([2, 4, 3], 31), f32([2, 2, 3], 32)], 1),
  },
  {
    name: 'concat bool along axis 0',
    run: () => nt.concat([nt.gt(f32([2, 3], 33), 0), nt.lt(f32([1, 3], 34), 0)], 0),
  },
  {
    name: 'gather along axis 1 with negative indices',
    run: () =>
      nt.gather(
        f32([3, 5, 2], 35),
        tensor(
          [
            [4, -1],
            [0, -5],
          ],
          { dtype: 'int32' },
        ),
        1,
      ),
  },
  {
    name: 'scatterAdd along axis 1 with repeated indices',
    run: () =>
      nt.scatterAdd(f32([3, 4, 2], 36), tensor([1, 3, 1, -1], { dtype: 'int32' }), f32([3, 4, 2], 37), 1),
  },
  { name: 'oneHot of a matrix', run: () => nt.oneHot(ints([3, 4], 38, -5, 5), 5) },
];

/** The case names, for the Node-side test to declare one test per case. */
export const AGREEMENT_CASES: readonly string[] = CASES.map((c) => c.name);

/** The js result of each case next to the webgpu one: null when they agree, else the mismatch. */
export async function runAgreement(_args: unknown, backend: WebGPUBackend) {
  const js = createJsBackend();
  const results: { name: string; problem: string | null }[] = [];
  for (const c of CASES) {
    let problem: string | null;
    useBackend(js);
    const expected = tidy(c.run);
    try {
      useBackend(backend);
      const actual = tidy(c.run);
      if (actual.dtype !== expected.dtype || actual.shape.join() !== expected.shape.join()) {
        problem = `got ${actual.dtype} [${actual.shape}], want ${expected.dtype} [${expected.shape}]`;
      } else {
        problem = compareAllClose(
          await actual.data(),
          expected.dataSync(),
          c.tolerance ?? { rtol: 1e-5, atol: 1e-6 },
        );
      }
      actual.dispose();
    } catch (error) {
      problem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    expected.dispose();
    results.push({ name: c.name, problem });
  }
  return results;
}
