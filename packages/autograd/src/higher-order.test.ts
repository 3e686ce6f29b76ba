import {
  exp,
  logSoftmax,
  matmul,
  mean,
  mul,
  oneHot,
  randn,
  reshape,
  sigmoid,
  slice,
  softplus,
  sum,
  type Tensor,
  tanh,
  tensor,
} from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { grad } from './functional/grad';
import './index';

type Elementwise = (x: Tensor) => Tensor;

/** The n-th derivative of an elementwise f at each point, by composing grad n times. */
function nthDerivative(f: Elementwise, n: number): Elementwise {
  let g = f;
  for (let i = 0; i < n; i++) {
    const previous = g;
    g = grad((x: Tensor) => sum(previous(x)));
  }
  return g;
}

const points = [-2, -0.7, 0, 0.4, 1.5];
const sigma = (x: number) => 1 / (1 + Math.exp(-x));

// Closed forms of the first three derivatives.
const closedForms: Record<string, { f: Elementwise; derivatives: ((x: number) => number)[] }> = {
  tanh: {
    f: tanh,
    derivatives: [
      (x) => 1 - Math.tanh(x) ** 2,
      (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2),
      (x) => -2 * (1 - Math.tanh(x) ** 2) * (1 - 3 * Math.tanh(x) ** 2),
    ],
  },
  sigmoid: {
    f: sigmoid,
    derivatives: [
      (x) => sigma(x) * (1 - sigma(x)),
      (x) => sigma(x) * (1 - sigma(x)) * (1 - 2 * sigma(x)),
      (x) => sigma(x) * (1 - sigma(x)) * (1 - 6 * sigma(x) + 6 * sigma(x) ** 2),
    ],
  },
  softplus: {
    f: softplus,
    derivatives: [
      sigma,
      (x) => sigma(x) * (1 - sigma(x)),
      (x) => sigma(x) * (1 - sigma(x)) * (1 - 2 * sigma(x)),
    ],
  },
  exp: { f: exp, derivatives: [Math.exp, Math.exp, Math.exp] },
};

describe('higher-order derivatives match closed forms', () => {
  for (const [name, { f, derivatives }] of Object.entries(closedForms)) {
    test(`${name}: first, second and third derivatives`, () => {
      const x = tensor(points, { dtype: 'float64' });
      derivatives.forEach((closedForm, i) => {
        const values = nthDerivative(f, i + 1)(x).dataSync();
        points.forEach((p, j) => {
          expect(values[j]).toBeCloseTo(closedForm(p), 12);
        });
      });
    });
  }
});

describe('Hessian-vector product of a small MLP loss', () => {
  // θ packs W1 [3, 4], b1 [4], W2 [4, 2], b2 [2] into one vector of 26 parameters.
  const inputs = randn([5, 3], { seed: 11, dtype: 'float64' });
  const targets = oneHot(tensor([0, 1, 1, 0, 1], { dtype: 'int32' }), 2);
  const part = (theta: Tensor, start: number, shape: number[]) =>
    reshape(slice(theta, [start], [start + shape.reduce((p, d) => p * d, 1)]), shape);
  const loss = (theta: Tensor) => {
    const hidden = tanh(matmul(inputs, part(theta, 0, [3, 4])).add(part(theta, 12, [4])));
    const logits = matmul(hidden, part(theta, 16, [4, 2])).add(part(theta, 24, [2]));
    return mean(mul(sum(mul(logSoftmax(logits), targets), 1), -1));
  };
  const gradient = grad(loss);

  test('H·v from grad of grad matches central differences of the gradient', () => {
    const theta = randn([26], { seed: 12, dtype: 'float64' });
    const v = randn([26], { seed: 13, dtype: 'float64' });
    const hvp = grad((t: Tensor) => sum(mul(gradient(t), v)))(theta).dataSync();
    const eps = 1e-5;
    const plus = gradient(theta.add(v.mul(eps))).dataSync();
    const minus = gradient(theta.sub(v.mul(eps))).dataSync();
    let largest = 0;
    for (let i = 0; i < 26; i++) {
      const numeric = (plus[i] - minus[i]) / (2 * eps);
      expect(Math.abs(hvp[i] - numeric)).toBeLessThan(1e-7 + 1e-5 * Math.abs(numeric));
      largest = Math.max(largest, Math.abs(hvp[i]));
    }
    expect(largest).toBeGreaterThan(1e-3); // the check is not vacuous
  });
});
