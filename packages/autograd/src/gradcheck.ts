import {
  ArgumentError,
  cast,
  Generator,
  isFloat,
  mul,
  randn,
  stridesOf,
  sum,
  Tensor,
  tensor,
  tidy,
} from '@nagare/tensor';
import { grad } from './functional/grad';
import { noGrad } from './grad-mode';

/** Options of `gradcheck`: an element passes when |analytic − numeric| ≤ atol + rtol·|numeric|. */
export interface GradcheckOptions {
  /** Central-difference step (default 1e-6). */
  eps?: number;
  /** Relative tolerance (default 1e-3). */
  rtol?: number;
  /** Absolute tolerance (default 1e-5). */
  atol?: number;
  /** Seed of the random output weights the check projects onto (default 0). */
  seed?: number;
}

/** One checked gradient element. */
export interface GradcheckElement {
  /** Position of the input among f's arguments. */
  input: number;
  /** Index of the element inside that input. */
  index: number[];
  analytic: number;
  numeric: number;
  /** |analytic − numeric|. */
  error: number;
}

/** What `gradcheck` found. */
export interface GradcheckResult {
  passed: boolean;
  /** Number of gradient elements compared. */
  checked: number;
  /** The element furthest outside (or least inside) its tolerance; null when nothing was checked. */
  worst: GradcheckElement | null;
  /** A one-line summary naming the worst element. */
  message: string;
}

type CheckedFunction = (...xs: Tensor[]) => Tensor | readonly Tensor[];

/**
 * Compares the analytic gradient of `f` with central finite differences, in float64: float inputs
 * are copied to float64, the outputs are projected onto fixed random weights w (L = Σ w·f(x), which
 * checks the vector–Jacobian product along w), and every input element is perturbed by ±eps.
 * Integer inputs (indices) are passed through unchanged. Reports the worst element with its index.
 *
 * @example
 * const result = gradcheck((x) => tanh(x), [randn([3, 4], { seed: 1 })]);
 * result.passed;  // true
 * result.message; // "gradcheck passed: 12 elements, worst input 0 [1, 2] ..."
 */
export function gradcheck(
  f: CheckedFunction,
  inputs: readonly Tensor[],
  options: GradcheckOptions = {},
): GradcheckResult {
  const { eps = 1e-6, rtol = 1e-3, atol = 1e-5, seed = 0 } = options;
  if (!(eps > 0)) throw new ArgumentError('gradcheck', `eps must be positive, got ${eps}`);
  return tidy(() => {
    const xs = inputs.map((x, i) => {
      if (!(x instanceof Tensor)) throw new ArgumentError('gradcheck', `input ${i} must be a Tensor`);
      return isFloat(x.dtype) ? noGrad(() => cast(x, 'float64')) : x;
    });
    const checkedInputs = xs.flatMap((x, i) => (isFloat(x.dtype) ? [i] : []));
    if (checkedInputs.length === 0) throw new ArgumentError('gradcheck', 'no float input to check');
    const weights = projectionWeights(f, xs, seed);
    const loss = (...args: Tensor[]) => project(f(...args), weights);
    const analytic = grad(loss, { argnums: checkedInputs })(...xs).map((g) => g.dataSync());
    const elements: GradcheckElement[] = [];
    checkedInputs.forEach((inputIndex, k) => {
      const base = xs[inputIndex];
      const values = Float64Array.from(base.dataSync());
      for (let j = 0; j < values.length; j++) {
        const numeric = centralDifference(loss, xs, inputIndex, values, j, eps);
        const error = Math.abs(analytic[k][j] - numeric);
        elements.push({
          input: inputIndex,
          index: unravel(j, base.shape),
          analytic: analytic[k][j],
          numeric,
          error,
        });
      }
    });
    return summarize(elements, rtol, atol);
  });
}

// Fixed random weights for each float output: projecting onto them checks the whole Jacobian
// with high probability at the cost of a single backward pass.
function projectionWeights(f: CheckedFunction, xs: Tensor[], seed: number): (Tensor | null)[] {
  const generator = new Generator(seed);
  const outputs = noGrad(() => f(...xs));
  const list = outputs instanceof Tensor ? [outputs] : outputs;
  const weights = list.map((y) =>
    isFloat(y.dtype) ? randn(y.shape, { generator, dtype: 'float64' }) : null,
  );
  if (weights.every((w) => w === null))
    throw new ArgumentError('gradcheck', 'f has no float output to differentiate');
  return weights;
}

function project(outputs: Tensor | readonly Tensor[], weights: readonly (Tensor | null)[]): Tensor {
  const list = outputs instanceof Tensor ? [outputs] : outputs;
  let total: Tensor | null = null;
  list.forEach((y, i) => {
    const w = weights[i];
    if (!w) return;
    const term = sum(mul(cast(y, 'float64'), w));
    total = total ? total.add(term) : term;
  });
  return total!;
}

function centralDifference(
  loss: (...args: Tensor[]) => Tensor,
  xs: Tensor[],
  inputIndex: number,
  values: Float64Array,
  j: number,
  eps: number,
): number {
  const at = (delta: number) =>
    noGrad(() =>
      tidy(() => {
        const shifted = Float64Array.from(values);
        shifted[j] += delta;
        const args = [...xs];
        args[inputIndex] = tensor(shifted, { shape: xs[inputIndex].shape, dtype: 'float64' });
        return loss(...args).item();
      }),
    );
  return (at(eps) - at(-eps)) / (2 * eps);
}

export function summarize(elements: GradcheckElement[], rtol: number, atol: number): GradcheckResult {
  let worst: GradcheckElement | null = null;
  let worstRatio = -1;
  let passed = true;
  for (const element of elements) {
    const tolerance = atol + rtol * Math.abs(element.numeric);
    const ratio = Number.isNaN(element.error) ? Number.POSITIVE_INFINITY : element.error / tolerance;
    if (ratio > 1) passed = false;
    if (ratio > worstRatio) {
      worst = element;
      worstRatio = ratio;
    }
  }
  const where = worst
    ? `input ${worst.input} [${worst.index.join(', ')}]: analytic ${worst.analytic}, numeric ${worst.numeric}, |error| ${worst.error.toExponential(2)}`
    : 'nothing';
  const message = passed
    ? `gradcheck passed: ${elements.length} elements, worst ${where}`
    : `gradcheck failed at ${where} (rtol ${rtol}, atol ${atol}; ${elements.length} elements checked)`;
  return { passed, checked: elements.length, worst, message };
}

export function unravel(flat: number, shape: readonly number[]): number[] {
  const strides = stridesOf(shape);
  return strides.map((stride, axis) => Math.floor(flat / stride) % shape[axis]);
}
