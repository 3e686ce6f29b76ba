import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as nt from '../index';
import { type Tensor, tensor, tidy } from '../index';
import { expectAllClose, type Tolerance } from '../testing';
import { broadcastPairArb, filledShapeArb, PROPERTY_PARAMETERS, valuesArb } from './arbitraries';

type Data = { shape: number[]; values: number[] };

const asDType = (x: Data, dtype: 'float32' | 'float64') => tensor(x.values, { shape: x.shape, dtype });

/** Runs `fn` on the same float32-representable data in float32 and float64 and compares the results. */
function expectAgreement(fn: (...xs: Tensor[]) => Tensor, inputs: Data[], tolerance: Tolerance): void {
  tidy(() => {
    const y32 = fn(...inputs.map((x) => asDType(x, 'float32')));
    const y64 = fn(...inputs.map((x) => asDType(x, 'float64')));
    expect(y32.dtype).toBe('float32');
    expect(y64.dtype).toBe('float64');
    expect(y32.shape).toEqual(y64.shape);
    expectAllClose(y32, y64, tolerance);
  });
}

// Each unary op on a domain where it is finite and well conditioned.
const UNARY: [string, (x: Tensor) => Tensor, number, number][] = [
  ['exp', nt.exp, -10, 10],
  ['expm1', nt.expm1, -10, 10],
  ['log', nt.log, 0.01, 100],
  ['log1p', nt.log1p, -0.9, 100],
  ['sqrt', nt.sqrt, 0, 100],
  ['rsqrt', nt.rsqrt, 0.01, 100],
  ['reciprocal', nt.reciprocal, 0.1, 10],
  ['sin', nt.sin, -10, 10],
  ['cos', nt.cos, -10, 10],
  ['tanh', nt.tanh, -10, 10],
  ['sigmoid', nt.sigmoid, -20, 20],
  ['softplus', nt.softplus, -20, 20],
  ['erf', nt.erf, -5, 5],
  ['relu', nt.relu, -10, 10],
  ['abs', nt.abs, -10, 10],
  ['neg', nt.neg, -10, 10],
  ['square', nt.square, -10, 10],
];

// Only the output is rounded to float32 for these, so they agree to a few float32 ulps.
const ELEMENTWISE_TOLERANCE = { rtol: 1e-6, atol: 1e-7 };
// Composites round several intermediates (mean, max, exp) to float32 before combining them.
const COMPOSITE_TOLERANCE = { rtol: 1e-4, atol: 1e-5 };

describe('float32 agrees with float64 (property)', () => {
  for (const [name, op, low, high] of UNARY) {
    test(`${name}`, () => {
      fc.assert(
        fc.property(filledShapeArb({ maxRank: 3, maxDim: 4 }, low, high), (x) =>
          expectAgreement(op, [x], ELEMENTWISE_TOLERANCE),
        ),
        PROPERTY_PARAMETERS,
      );
    });
  }

  const BINARY: [string, (a: Tensor, b: Tensor) => Tensor, [number, number], [number, number]][] = [
    ['add', nt.add, [-10, 10], [-10, 10]],
    ['sub', nt.sub, [-10, 10], [-10, 10]],
    ['mul', nt.mul, [-10, 10], [-10, 10]],
    ['div', nt.div, [-10, 10], [0.1, 10]],
    ['pow', nt.pow, [0.1, 4], [-3, 3]],
    ['maximum', nt.maximum, [-10, 10], [-10, 10]],
    ['minimum', nt.minimum, [-10, 10], [-10, 10]],
  ];
  for (const [name, op, [aLow, aHigh], [bLow, bHigh]] of BINARY) {
    test(`${name} with broadcasting`, () => {
      const operandsArb = broadcastPairArb().chain(([sa, sb]) =>
        fc.tuple(
          valuesArb(
            sa.reduce((p, d) => p * d, 1),
            aLow,
            aHigh,
          ).map((values) => ({ shape: sa, values })),
          valuesArb(
            sb.reduce((p, d) => p * d, 1),
            bLow,
            bHigh,
          ).map((values) => ({ shape: sb, values })),
        ),
      );
      fc.assert(
        fc.property(operandsArb, ([a, b]) => {
          // Subtraction cancels: its float32 error is relative to the operands, not the result.
          const scale = Math.max(1, ...a.values.map(Math.abs), ...b.values.map(Math.abs));
          expectAgreement(op, [a, b], { rtol: 1e-6, atol: 1e-7 * scale });
        }),
        PROPERTY_PARAMETERS,
      );
    });
  }

  const withAxisArb = filledShapeArb({ minRank: 1, maxRank: 3, maxDim: 4 }, -5, 5).chain((x) =>
    fc.integer({ min: -x.shape.length, max: x.shape.length - 1 }).map((axis) => ({ x, axis })),
  );
  const REDUCTIONS: [string, (x: Tensor, axis: number) => Tensor][] = [
    ['sum', (x, axis) => nt.sum(x, axis)],
    ['mean', (x, axis) => nt.mean(x, axis, { keepDims: true })],
    ['prod', (x, axis) => nt.prod(x, axis)],
    ['max', (x, axis) => nt.max(x, axis)],
    ['min', (x, axis) => nt.min(x, axis, { keepDims: true })],
    ['logsumexp', (x, axis) => nt.logsumexp(x, axis)],
    ['variance', (x, axis) => nt.variance(x, axis, { correction: 0 })],
    ['std', (x, axis) => nt.std(x, axis, { correction: 0 })],
    ['softmax', (x, axis) => nt.softmax(x, axis)],
    ['logSoftmax', (x, axis) => nt.logSoftmax(x, axis)],
  ];
  for (const [name, reduce] of REDUCTIONS) {
    test(`${name} over a random axis`, () => {
      fc.assert(
        fc.property(withAxisArb, ({ x, axis }) =>
          expectAgreement((t) => reduce(t, axis), [x], COMPOSITE_TOLERANCE),
        ),
        PROPERTY_PARAMETERS,
      );
    });
  }

  test('matmul over random batch shapes, and its transposed layouts give the same product', () => {
    const operandsArb = fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
      )
      .chain(([batch, m, k, n]) =>
        fc.tuple(
          valuesArb(batch.reduce((p, d) => p * d, m * k)).map((values) => ({
            shape: [...batch, m, k],
            values,
          })),
          valuesArb(k * n).map((values) => ({ shape: [k, n], values })),
        ),
      );
    fc.assert(
      fc.property(operandsArb, ([a, b]) => {
        expectAgreement((x, y) => nt.matmul(x, y), [a, b], { rtol: 1e-5, atol: 1e-4 });
        tidy(() => {
          const [ta, tb] = [asDType(a, 'float64'), asDType(b, 'float64')];
          const rank = a.shape.length;
          const swapLast = [...a.shape.keys()].slice(0, rank - 2).concat([rank - 1, rank - 2]);
          const viaTransposes = nt.matmul(nt.transpose(ta, swapLast), nt.transpose(tb), {
            transposeA: true,
            transposeB: true,
          });
          expectAllClose(viaTransposes, nt.matmul(ta, tb), { rtol: 1e-12, atol: 1e-12 });
        });
      }),
      { ...PROPERTY_PARAMETERS, numRuns: 120 },
    );
  });
});
