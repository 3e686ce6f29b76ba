// Test-only: checks a module's gradients (for its inputs and its parameters) by central differences.
import { noGrad } from '@nagare/autograd';
import { assign, isFloat, mul, randn, sum, type Tensor, tensor, tidy } from '@nagare/tensor';
import type { AnyModule } from '../module';

/** Tolerances of `expectModuleGradcheck`: |analytic − numeric| ≤ atol + rtol·|numeric|. */
export interface ModuleGradcheckOptions {
  eps?: number;
  rtol?: number;
  atol?: number;
  seed?: number;
}

/**
 * Compares the gradients `backward()` gives every float input and every parameter of `module`
 * (built in float64) with central differences of L = Σ w·module(inputs) for fixed random w,
 * perturbing each element in place. Throws naming the worst element when one is off.
 */
export function expectModuleGradcheck(
  module: AnyModule,
  inputs: Tensor[],
  options: ModuleGradcheckOptions = {},
): void {
  const { eps = 1e-6, rtol = 1e-4, atol = 1e-7, seed = 0 } = options;
  const weights = noGrad(() => {
    const output = module.call(...inputs) as Tensor;
    return randn(output.shape, { seed, dtype: 'float64' });
  });
  const loss = () => sum(mul(module.call(...inputs) as Tensor, weights));
  const floatInputs = inputs.filter((x) => isFloat(x.dtype));
  const checked: [string, Tensor][] = [
    ...floatInputs.map((x, i): [string, Tensor] => [`input ${i}`, x]),
    ...module.namedParameters(),
  ];
  for (const x of floatInputs) x.requiresGrad = true;
  module.zeroGrad();
  for (const x of floatInputs) x.zeroGrad();
  tidy(() => loss().backward());
  const problems: string[] = [];
  for (const [name, t] of checked) {
    const analytic = t.grad ? t.grad.dataSync() : new Float64Array(t.size);
    const values = Float64Array.from(t.dataSync());
    const at = (j: number, delta: number) => {
      const shifted = Float64Array.from(values);
      shifted[j] += delta;
      tidy(() => assign(t, tensor(shifted, { shape: t.shape, dtype: 'float64' })));
      return noGrad(() => tidy(() => loss().item()));
    };
    for (let j = 0; j < values.length; j++) {
      const numeric = (at(j, eps) - at(j, -eps)) / (2 * eps);
      const error = Math.abs(analytic[j] - numeric);
      if (!(error <= atol + rtol * Math.abs(numeric)))
        problems.push(`${name}[${j}]: analytic ${analytic[j]}, numeric ${numeric}`);
    }
    tidy(() => assign(t, tensor(values, { shape: t.shape, dtype: 'float64' })));
  }
  for (const x of floatInputs) {
    x.zeroGrad();
    x.requiresGrad = false;
  }
  module.zeroGrad();
  weights.dispose();
  if (problems.length > 0)
    throw new Error(
      `module gradcheck failed (${problems.length} elements):\n${problems.slice(0, 5).join('\n')}`,
    );
}
