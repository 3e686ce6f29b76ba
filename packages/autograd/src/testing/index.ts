// @nagare/autograd/testing — helpers for tests (ours and users'). Production code never imports this.
import { type GradcheckOptions, grad, gradcheck, noGrad } from '@nagare/autograd';
import { cast, Generator, isFloat, mul, randn, sum, Tensor } from '@nagare/tensor';

/** A function of tensors returning one tensor or several (integer outputs are not checked). */
export type CheckedFunction = (...xs: Tensor[]) => Tensor | readonly Tensor[];

/**
 * Throws (failing the test) when `gradcheck(f, inputs, options)` does not pass; the message names
 * the worst element, its index and both gradients.
 *
 * @example
 * test('my op: analytic gradient matches central differences', () => {
 *   expectGradcheck((x) => myOp(x), [randn([3, 4], { seed: 7 })]);
 * });
 */
export function expectGradcheck(
  f: CheckedFunction,
  inputs: readonly Tensor[],
  options?: GradcheckOptions,
): void {
  const result = gradcheck(f, inputs, options);
  if (!result.passed) throw new Error(result.message);
}

/**
 * Checks second derivatives: gradchecks the gradient of Σ w·f(x) (fixed random w) as a function of
 * the float inputs, which only passes when every rule f uses is itself differentiable.
 *
 * @example
 * expectGradgradcheck((x) => tanh(x), [randn([3], { seed: 1 })]);
 */
export function expectGradgradcheck(
  f: CheckedFunction,
  inputs: readonly Tensor[],
  options?: GradcheckOptions,
): void {
  const floats = inputs.flatMap((x, i) => (isFloat(x.dtype) ? [i] : []));
  const generator = new Generator(options?.seed ?? 1);
  const shapes = noGrad(() => asList(f(...inputs)).map((y) => (isFloat(y.dtype) ? y.shape : null)));
  const weights = shapes.map((shape) => (shape ? randn(shape, { generator, dtype: 'float64' }) : null));
  const projected = (...xs: Tensor[]) => {
    const terms = asList(f(...xs)).flatMap((y, i) =>
      weights[i] ? [sum(mul(cast(y, 'float64'), weights[i]!))] : [],
    );
    return terms.reduce((total, term) => total.add(term));
  };
  const firstOrder = (...xs: Tensor[]) => grad(projected, { argnums: floats })(...xs);
  try {
    expectGradcheck(firstOrder, inputs, options);
  } finally {
    for (const w of weights) w?.dispose();
  }
}

function asList(outputs: Tensor | readonly Tensor[]): readonly Tensor[] {
  return outputs instanceof Tensor ? [outputs] : outputs;
}

export type { SuiteReport, SuiteResult } from '@nagare/tensor/testing';
export type { GradcheckCase } from './gradcheck-cases';
export { GRADCHECK_CASES } from './gradcheck-cases';
export { type RunGradchecksOptions, runGradchecks } from './run-gradchecks';
