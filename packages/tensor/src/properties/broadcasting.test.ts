import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  add,
  div,
  eq,
  expand,
  gt,
  maximum,
  minimum,
  mul,
  ShapeError,
  sub,
  type Tensor,
  tensor,
  tidy,
} from '../index';
import { expectAllClose } from '../testing';
import { broadcastPairArb, PROPERTY_PARAMETERS, unravel, valuesArb } from './arbitraries';

/** NumPy's broadcast shape, or null when the shapes are incompatible. */
function naiveBroadcastShape(a: readonly number[], b: readonly number[]): number[] | null {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return null;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Flat index into an operand of `shape` for the output multi-index `index`: trailing-aligned, length-1 axes read 0. */
function operandOffset(shape: readonly number[], index: readonly number[]): number {
  let offset = 0;
  const lead = index.length - shape.length;
  for (let i = 0; i < shape.length; i++) offset = offset * shape[i] + (shape[i] === 1 ? 0 : index[lead + i]);
  return offset;
}

/** The float64 reference of `fn` applied with broadcasting, element by element. */
function naiveBinary(
  a: { shape: number[]; values: number[] },
  b: { shape: number[]; values: number[] },
  fn: (x: number, y: number) => number,
) {
  const shape = naiveBroadcastShape(a.shape, b.shape)!;
  const size = shape.reduce((p, d) => p * d, 1);
  return Float64Array.from({ length: size }, (_, i) => {
    const index = unravel(i, shape);
    return fn(a.values[operandOffset(a.shape, index)], b.values[operandOffset(b.shape, index)]);
  });
}

const OPS: [string, (a: Tensor, b: Tensor) => Tensor, (x: number, y: number) => number][] = [
  ['add', add, (x, y) => x + y],
  ['sub', sub, (x, y) => x - y],
  ['mul', mul, (x, y) => x * y],
  ['div', div, (x, y) => x / y],
  ['maximum', maximum, Math.max],
  ['minimum', minimum, Math.min],
  ['gt', gt, (x, y) => Number(x > y)],
  ['eq', eq, (x, y) => Number(x === y)],
];

const operandsArb = broadcastPairArb().chain(([sa, sb]) =>
  fc.record({
    a: valuesArb(sa.reduce((p, d) => p * d, 1)).map((values) => ({ shape: sa, values })),
    // Small integers make eq and division by values near zero both meaningful.
    b: valuesArb(
      sb.reduce((p, d) => p * d, 1),
      -3,
      3,
    ).map((values) => ({ shape: sb, values: values.map(Math.round) })),
  }),
);

describe('broadcasting of binary ops (property)', () => {
  for (const [name, op, reference] of OPS) {
    test(`${name} matches a naive float64 broadcast`, () => {
      fc.assert(
        fc.property(operandsArb, ({ a, b }) =>
          tidy(() => {
            const y = op(
              tensor(a.values, { shape: a.shape, dtype: 'float64' }),
              tensor(b.values, { shape: b.shape, dtype: 'float64' }),
            );
            expect(y.shape).toEqual(naiveBroadcastShape(a.shape, b.shape));
            expectAllClose(y, naiveBinary(a, b, reference), { rtol: 1e-12, atol: 0 });
          }),
        ),
        PROPERTY_PARAMETERS,
      );
    });
  }

  test('broadcasting is symmetric in its operands, and expanding an operand first agrees with it', () => {
    fc.assert(
      fc.property(operandsArb, ({ a, b }) =>
        tidy(() => {
          const ta = tensor(a.values, { shape: a.shape });
          const tb = tensor(b.values, { shape: b.shape });
          const sum = add(ta, tb);
          expectAllClose(add(tb, ta), sum, { rtol: 0, atol: 0 });
          expectAllClose(add(expand(ta, sum.shape), tb), sum, { rtol: 0, atol: 0 });
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });

  test('incompatible shapes throw a ShapeError naming both', () => {
    const incompatibleArb = fc
      .tuple(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      )
      .filter(([m, n]) => m !== n)
      .map(
        ([m, n, rest]) =>
          [
            [m, ...rest],
            [n, ...rest],
          ] as const,
      );
    fc.assert(
      fc.property(incompatibleArb, ([sa, sb]) =>
        tidy(() => {
          const fn = () =>
            mul(
              tensor(new Float32Array(sa.reduce((p, d) => p * d, 1)), { shape: sa }),
              tensor(new Float32Array(sb.reduce((p, d) => p * d, 1)), { shape: sb }),
            );
          expect(fn).toThrow(ShapeError);
          expect(fn).toThrow(`a: [${sa.join(', ')}], b: [${sb.join(', ')}]`);
        }),
      ),
      PROPERTY_PARAMETERS,
    );
  });
});
