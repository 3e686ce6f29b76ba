// @nagare/autograd/testing — helpers for tests (ours and users'). Production code never imports this.
import { type GradcheckOptions, gradcheck } from '@nagare/autograd';
import type { Tensor } from '@nagare/tensor';

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
  f: (...xs: Tensor[]) => Tensor | readonly Tensor[],
  inputs: readonly Tensor[],
  options?: GradcheckOptions,
): void {
  const result = gradcheck(f, inputs, options);
  if (!result.passed) throw new Error(result.message);
}
