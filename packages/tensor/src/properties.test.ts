// Property-based tests: random shapes and values against naive references written here, so the
// kernels' index arithmetic is checked far beyond the hand-computed cases.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tidy } from './engine';
import * as nt from './ops/all';
import { tensor } from './ops/creation';
import { stridesOf } from './shape';
import type { Tensor } from './tensor';
import { compareAllClose } from './testing/all-close';

const RUNS = { numRuns: 120, seed: 20261123 };

const shapeArb = (maxRank = 4, maxLength = 4) =>
  fc.array(fc.integer({ min: 1, max: maxLength }), { minLength: 0, maxLength: maxRank });

const sizeOf = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);

/** A tensor of `shape` with deterministic values from `seed`, mixing signs and magnitudes. */
function valuesFor(shape: readonly number[], seed: number): number[] {
  return Array.from({ length: sizeOf(shape) }, (_, i) => Math.sin(seed * 12.9898 + i * 78.233) * 10);
}

const make = (shape: readonly number[], seed: number, dtype: 'float32' | 'float64' = 'float64') =>
  tensor(valuesFor(shape, seed), { shape, dtype });

/** Multi-index of flat position `i` in a row-major `shape`. */
function unravel(i: number, shape: readonly number[]): number[] {
  return stridesOf(shape).map((stride, axis) => Math.floor(i / stride) % shape[axis]);
}

const ravel = (index: readonly number[], shape: readonly number[]) =>
  index.reduce((flat, v, axis) => flat + v * stridesOf(shape)[axis], 0);

function expectClose(actual: Tensor | number[], expected: number[], rtol = 1e-12, atol = 1e-12): void {
  const values = Array.isArray(actual) ? actual : Array.from(actual.dataSync());
  expect(compareAllClose(values, expected, { rtol, atol })).toBeNull();
}

describe('broadcasting', () => {
  // An output shape, and two operand shapes made from it by dropping leading axes and setting
  // some lengths to 1: exactly the pairs NumPy can broadcast.
  const pairArb = shapeArb().chain((out) => {
    const operand = fc
      .tuple(
        fc.integer({ min: 0, max: out.length }),
        fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
      )
      .map(([drop, ones]) => out.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d)));
    return fc.tuple(fc.constant(out), operand, operand);
  });

  test('add and mul match a naive per-element reference', () => {
    fc.assert(
      fc.property(pairArb, ([_, aShape, bShape]) =>
        tidy(() => {
          const a = make(aShape, 1);
          const b = make(bShape, 2);
          const sum = nt.add(a, b);
          const rank = Math.max(aShape.length, bShape.length);
          const outShape = Array.from({ length: rank }, (_, i) =>
            Math.max(aShape[aShape.length - rank + i] ?? 1, bShape[bShape.length - rank + i] ?? 1),
          );
          expect(sum.shape).toEqual(outShape);
          const read = (values: number[], shape: number[], index: number[]) =>
            values[
              ravel(
                index.slice(rank - shape.length).map((v, i) => (shape[i] === 1 ? 0 : v)),
                shape,
              )
            ];
          const [av, bv] = [valuesFor(aShape, 1), valuesFor(bShape, 2)];
          const expected = Array.from({ length: sizeOf(outShape) }, (_, i) => {
            const index = unravel(i, outShape);
            return read(av, aShape, index) + read(bv, bShape, index);
          });
          expectClose(sum, expected);
          expect(nt.mul(a, b).shape).toEqual(outShape);
        }),
      ),
      RUNS,
    );
  });

  test('broadcasting is symmetric and expand agrees with it', () => {
    fc.assert(
      fc.property(pairArb, ([_, aShape, bShape]) =>
        tidy(() => {
          const a = make(aShape, 3);
          const b = make(bShape, 4);
          const ab = nt.add(a, b);
          expectClose(nt.add(b, a), Array.from(ab.dataSync()));
          expectClose(nt.add(nt.expand(a, ab.shape), b), Array.from(ab.dataSync()));
        }),
      ),
      RUNS,
    );
  });
});

describe('reshape and transpose identities', () => {
  const permArb = shapeArb().chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.shuffledSubarray([...shape.keys()], { minLength: shape.length, maxLength: shape.length }),
    ),
  );

  test('reshape keeps the row-major order, and reshaping back restores the tensor', () => {
    fc.assert(
      fc.property(shapeArb(), shapeArb(), (shape, other) =>
        tidy(() => {
          const x = make(shape, 5);
          const flat = nt.reshape(x, [-1]);
          expectClose(flat, valuesFor(shape, 5), 0, 0);
          const target = sizeOf(other) === x.size ? other : [x.size];
          const y = nt.reshape(x, target);
          expect(nt.reshape(y, shape).toArray()).toEqual(x.toArray());
        }),
      ),
      RUNS,
    );
  });

  test('transpose moves element [i…] to [i at perm…], and the inverse perm undoes it', () => {
    fc.assert(
      fc.property(permArb, ([shape, perm]) =>
        tidy(() => {
          const x = make(shape, 6);
          const y = nt.transpose(x, perm);
          expect(y.shape).toEqual(perm.map((p) => shape[p]));
          const xv = valuesFor(shape, 6);
          const expected = Array.from({ length: x.size }, (_, i) => {
            const outIndex = unravel(i, y.shape);
            const inIndex = new Array<number>(shape.length);
            perm.forEach((p, axis) => {
              inIndex[p] = outIndex[axis];
            });
            return xv[ravel(inIndex, shape)];
          });
          expectClose(y, expected, 0, 0);
          const inverse = perm.map((_, axis) => perm.indexOf(axis));
          expect(nt.transpose(y, inverse).toArray()).toEqual(x.toArray());
        }),
      ),
      RUNS,
    );
  });
});

describe('reductions against a naive reference', () => {
  const reduceArb = shapeArb(4, 3).chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.subarray([...shape.keys()]),
      fc.boolean(),
      fc.constantFrom('sum', 'prod', 'max', 'min', 'mean'),
    ),
  );

  const REDUCTIONS: Record<string, typeof nt.sum> = {
    sum: nt.sum,
    prod: nt.prod,
    max: nt.max,
    min: nt.min,
    mean: nt.mean,
  };
  const NAIVE: Record<string, (values: number[]) => number> = {
    sum: (v) => v.reduce((s, x) => s + x, 0),
    prod: (v) => v.reduce((s, x) => s * x, 1),
    max: (v) => v.reduce((s, x) => Math.max(s, x), Number.NEGATIVE_INFINITY),
    min: (v) => v.reduce((s, x) => Math.min(s, x), Number.POSITIVE_INFINITY),
    mean: (v) => v.reduce((s, x) => s + x, 0) / v.length,
  };

  test('sum, prod, max, min and mean over any axes, with and without keepDims', () => {
    fc.assert(
      fc.property(reduceArb, ([shape, axes, keepDims, op]) =>
        tidy(() => {
          const x = make(shape, 7);
          const y = REDUCTIONS[op](x, axes, { keepDims });
          const keptShape = shape.map((d, i) => (axes.includes(i) ? 1 : d));
          expect(y.shape).toEqual(keepDims ? keptShape : shape.filter((_, i) => !axes.includes(i)));
          const groups: number[][] = Array.from({ length: sizeOf(keptShape) }, () => []);
          valuesFor(shape, 7).forEach((v, i) => {
            const index = unravel(i, shape).map((value, axis) => (axes.includes(axis) ? 0 : value));
            groups[ravel(index, keptShape)].push(v);
          });
          expectClose(y, groups.map(NAIVE[op]));
        }),
      ),
      RUNS,
    );
  });

  test('argmax and argmin pick the first extreme along the axis', () => {
    const argArb = shapeArb(3, 4)
      .filter((shape) => shape.length > 0)
      .chain((shape) => fc.tuple(fc.constant(shape), fc.integer({ min: 0, max: shape.length - 1 })));
    fc.assert(
      fc.property(argArb, ([shape, axis]) =>
        tidy(() => {
          // Few distinct values, so ties are common.
          const values = valuesFor(shape, 8).map((v) => Math.round(v / 5));
          const x = tensor(values, { shape, dtype: 'float64' });
          const outShape = shape.filter((_, i) => i !== axis);
          const naive = (better: (a: number, b: number) => boolean) =>
            Array.from({ length: sizeOf(outShape) }, (_, o) => {
              const base = unravel(o, outShape);
              let best = 0;
              for (let k = 1; k < shape[axis]; k++) {
                const at = (j: number) =>
                  values[ravel([...base.slice(0, axis), j, ...base.slice(axis)], shape)];
                if (better(at(k), at(best))) best = k;
              }
              return best;
            });
          expectClose(
            nt.argmax(x, axis),
            naive((a, b) => a > b),
            0,
            0,
          );
          expectClose(
            nt.argmin(x, axis),
            naive((a, b) => a < b),
            0,
            0,
          );
        }),
      ),
      RUNS,
    );
  });
});

describe('float32 agrees with float64', () => {
  const inputArb = fc.tuple(shapeArb(3, 5), fc.integer({ min: 1, max: 1000 }));
  const OPS: [string, (x: Tensor) => Tensor][] = [
    ['exp', (x) => nt.exp(nt.mul(x, 0.1))],
    ['tanh', nt.tanh],
    ['sigmoid', nt.sigmoid],
    ['softplus', nt.softplus],
    ['erf', (x) => nt.erf(nt.mul(x, 0.3))],
    ['sum', (x) => nt.sum(x, x.rank ? -1 : undefined)],
    ['logsumexp', (x) => nt.logsumexp(x)],
    ['softmax', (x) => (x.rank ? nt.softmax(x) : x)],
    ['variance', (x) => nt.variance(x, undefined, { correction: 0 })],
  ];

  test.each(OPS)('%s', (_, op) => {
    fc.assert(
      fc.property(inputArb, ([shape, seed]) =>
        tidy(() => {
          const wide = op(make(shape, seed, 'float64'));
          const narrow = op(nt.cast(make(shape, seed, 'float64'), 'float32'));
          expect(narrow.dtype).toBe('float32');
          expectClose(narrow, Array.from(wide.dataSync()), 2e-5, 1e-5);
        }),
      ),
      { ...RUNS, numRuns: 40 },
    );
  });

  test('matmul over random batch shapes', () => {
    const matmulArb = fc.tuple(
      fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 5 }),
    );
    fc.assert(
      fc.property(matmulArb, ([batch, m, k, n]) =>
        tidy(() => {
          const a = make([...batch, m, k], 9);
          const b = make([k, n], 10);
          const wide = nt.matmul(a, b);
          const narrow = nt.matmul(nt.cast(a, 'float32'), nt.cast(b, 'float32'));
          expectClose(narrow, Array.from(wide.dataSync()), 1e-5, 1e-4);
          // The transposed layouts give the same product.
          const viaT = nt.matmul(
            nt.transpose(a, [...batch.keys(), batch.length + 1, batch.length]),
            nt.transpose(b),
            {
              transposeA: true,
              transposeB: true,
            },
          );
          expectClose(viaT, Array.from(wide.dataSync()));
        }),
      ),
      RUNS,
    );
  });
});
