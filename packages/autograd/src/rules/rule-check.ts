// Shared inputs for the rule tests: seeded random shapes (size-1 axes and scalars included),
// broadcasting partners, and float64 values kept away from an op's kinks.
import { Generator, type Tensor } from '@nagare/tensor';
import { type CheckedFunction, expectGradcheck, expectGradgradcheck } from '../testing';
import { type DrawOptions, draw } from '../testing/gradcheck-cases/values';

/** Random shapes of rank 0–3 with lengths 1–4, plus the fixed cases [1] and []. */
export function randomShapes(seed: number, count = 3): number[][] {
  const g = new Generator(seed);
  const shapes = Array.from({ length: count }, () =>
    Array.from({ length: 1 + g.nextInt(3) }, () => 1 + g.nextInt(4)),
  );
  return [...shapes, [1], []];
}

/** Pairs of shapes that broadcast together: random partners plus equal, size-1 and scalar cases. */
export function broadcastPairs(seed: number): [number[], number[]][] {
  const g = new Generator(seed);
  const random = randomShapes(seed, 3)
    .slice(0, 3)
    .map((shape): [number[], number[]] => {
      const partner = shape.slice(g.nextInt(shape.length + 1)).map((d) => (g.nextFloat() < 0.4 ? 1 : d));
      return g.nextFloat() < 0.5 ? [shape, partner] : [partner, shape];
    });
  return [
    ...random,
    [
      [2, 3],
      [2, 3],
    ],
    [
      [3, 1],
      [1, 4],
    ],
    [
      [2, 1, 3],
      [4, 1],
    ],
    [[], [2, 3]],
    [[1], []],
  ];
}

/** How to draw an input's values: kinks to keep away from (by `margin`, default 0.05), a range. */
export type ValueOptions = Omit<DrawOptions, 'dtype'>;

/** A float64 tensor of `shape` with seeded values (see ValueOptions). */
export function randomValues(shape: readonly number[], seed: number, options: ValueOptions = {}): Tensor {
  return draw(shape, seed, { margin: 0.05, ...options, dtype: 'float64' });
}

/** Gradchecks `f` (first and second order) on each set of inputs. */
export function checkEach(
  f: CheckedFunction,
  inputSets: readonly (readonly Tensor[])[],
  options: { secondOrder?: boolean } = {},
): void {
  for (const inputs of inputSets) {
    expectGradcheck(f, inputs);
    if (options.secondOrder ?? true) expectGradgradcheck(f, inputs);
  }
}

/** Gradchecks a unary op on random shapes, first and second order. */
export function checkUnary(
  f: (x: Tensor) => Tensor,
  seed: number,
  options: ValueOptions & { secondOrder?: boolean } = {},
): void {
  checkEach(
    f,
    randomShapes(seed).map((shape, i) => [randomValues(shape, seed + i, options)]),
    options,
  );
}

/** Gradchecks a binary op on broadcasting shape pairs, first and second order. */
export function checkBinary(
  f: (a: Tensor, b: Tensor) => Tensor,
  seed: number,
  options: { a?: ValueOptions; b?: ValueOptions; secondOrder?: boolean } = {},
): void {
  checkEach(
    f,
    broadcastPairs(seed).map(([sa, sb], i) => [
      randomValues(sa, seed + 2 * i, options.a),
      randomValues(sb, seed + 2 * i + 1, options.b),
    ]),
    options,
  );
}
