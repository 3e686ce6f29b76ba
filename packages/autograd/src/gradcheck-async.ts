import {
  ArgumentError,
  type DType,
  Generator,
  isFloat,
  mul,
  randn,
  stack,
  sum,
  Tensor,
  tensor,
  tidy,
} from '@nagare/tensor';
import { grad } from './functional/grad';
import { noGrad } from './grad-mode';
import type { GradcheckElement, GradcheckOptions, GradcheckResult } from './gradcheck';
import { summarize, unravel } from './gradcheck';

type CheckedFunction = (...xs: Tensor[]) => Tensor | readonly Tensor[];

/** Options of `gradcheckAsync`: `gradcheck`'s, plus the dtype the check runs in. */
export interface GradcheckAsyncOptions extends GradcheckOptions {
  /**
   * The float dtype inputs are copied to (default: each float input keeps its own dtype, so a
   * float32 backend such as WebGPU is checked in float32; use a larger eps and tolerances then).
   */
  dtype?: DType;
}

const asList = (y: Tensor | readonly Tensor[]): readonly Tensor[] => (y instanceof Tensor ? [y] : y);

/** Σ w·f(x) over the float outputs, in each output's own dtype. */
function projectOnto(outputs: Tensor | readonly Tensor[], weights: readonly (Tensor | null)[]): Tensor {
  const terms = asList(outputs).flatMap((y, i) => {
    const w = weights[i];
    return w ? [sum(mul(y, w.cast(y.dtype)))] : [];
  });
  return terms.reduce((total, term) => total.add(term.cast(total.dtype)));
}

/**
 * `gradcheck` for every backend, WebGPU included: the same check (outputs projected onto fixed
 * random weights, every float input element perturbed by ±eps, central differences), but every
 * value is read with `await data()`, and all perturbed losses of an input are stacked and read in
 * one transfer. The step actually taken (after rounding to the input's dtype) is the divisor, so
 * float32 checks stay accurate; in float32 use eps ≈ 1e-2 and rtol/atol ≈ 1e-2.
 *
 * @example
 * const result = await gradcheckAsync((x) => tanh(x), [randn([3, 4], { seed: 1 })], { eps: 1e-2, rtol: 1e-2, atol: 1e-2 });
 * result.passed; // true
 */
export async function gradcheckAsync(
  f: CheckedFunction,
  inputs: readonly Tensor[],
  options: GradcheckAsyncOptions = {},
): Promise<GradcheckResult> {
  const { eps = 1e-6, rtol = 1e-3, atol = 1e-5, seed = 0 } = options;
  if (!(eps > 0)) throw new ArgumentError('gradcheckAsync', `eps must be positive, got ${eps}`);
  inputs.forEach((x, i) => {
    if (!(x instanceof Tensor)) throw new ArgumentError('gradcheckAsync', `input ${i} must be a Tensor`);
  });
  const xs = noGrad(() =>
    tidy(() => inputs.map((x) => (isFloat(x.dtype) ? x.cast(options.dtype ?? x.dtype) : x.cast(x.dtype)))),
  );
  const checked = xs.flatMap((x, i) => (isFloat(x.dtype) ? [i] : []));
  try {
    if (checked.length === 0) throw new ArgumentError('gradcheckAsync', 'no float input to check');
    const generator = new Generator(seed);
    const weights = tidy(() =>
      noGrad(() => asList(f(...xs))).map((y) =>
        isFloat(y.dtype) ? randn(y.shape, { generator, dtype: 'float32' }) : null,
      ),
    );
    try {
      if (weights.every((w) => w === null))
        throw new ArgumentError('gradcheckAsync', 'f has no float output to differentiate');
      const loss = (...args: Tensor[]) => projectOnto(f(...args), weights);
      const analyticTensors = tidy(() => grad(loss, { argnums: checked })(...xs));
      const analytic = await Promise.all(analyticTensors.map((g) => g.data()));
      for (const g of analyticTensors) g.dispose();
      const elements: GradcheckElement[] = [];
      for (const [k, inputIndex] of checked.entries()) {
        const numeric = await centralDifferences(loss, xs, inputIndex, eps);
        numeric.forEach((value, j) => {
          const error = Math.abs(analytic[k][j] - value);
          const index = unravel(j, xs[inputIndex].shape);
          elements.push({ input: inputIndex, index, analytic: analytic[k][j], numeric: value, error });
        });
      }
      return summarize(elements, rtol, atol);
    } finally {
      for (const w of weights) w?.dispose();
    }
  } finally {
    for (const x of xs) x.dispose();
  }
}

/** ∂loss/∂x_j for every element j of input `inputIndex`, from one read of all perturbed losses. */
async function centralDifferences(
  loss: (...args: Tensor[]) => Tensor,
  xs: readonly Tensor[],
  inputIndex: number,
  eps: number,
): Promise<number[]> {
  const base = xs[inputIndex];
  const values = await base.data();
  const steps: number[] = [];
  const losses = noGrad(() =>
    tidy(() => {
      const results: Tensor[] = [];
      for (let j = 0; j < values.length; j++) {
        for (const delta of [eps, -eps]) {
          const shifted = values.slice();
          shifted[j] = values[j] + delta;
          const args = [...xs];
          args[inputIndex] = tensor(shifted, { shape: base.shape, dtype: base.dtype });
          results.push(loss(...args).reshape([1]));
        }
        // The step the dtype could represent: rounding would otherwise bias float32 differences.
        const shifted = values.slice();
        shifted[j] = values[j] + eps;
        const up = shifted[j];
        shifted[j] = values[j] - eps;
        steps.push(up - shifted[j]);
      }
      return stack(results).reshape([-1]);
    }),
  );
  const read = await losses.data();
  losses.dispose();
  return steps.map((step, j) => (read[2 * j] - read[2 * j + 1]) / step);
}
