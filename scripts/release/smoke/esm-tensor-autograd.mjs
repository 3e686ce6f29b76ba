// ESM smoke program: a user who ran `npm i @nagare/tensor @nagare/autograd` and nothing else.
import assert from 'node:assert/strict';
import { grad } from '@nagare/autograd';
import { memory, mul, sum, tanh, tensor, tidy } from '@nagare/tensor';

const x = tensor([1, 2, 3], { requiresGrad: true });
tidy(() => sum(mul(x, x)).backward());
assert.deepEqual(x.grad?.toArray(), [2, 4, 6]);

// d²/dt² Σ tanh(t) = −2·tanh(t)·(1 − tanh²(t)): a gradient of a gradient.
const secondDerivative = tidy(() =>
  grad((t) => sum(grad((u) => sum(tanh(u)))(t)))(tensor([0, 0.5])).toArray(),
);
const expected = [0, -2 * Math.tanh(0.5) * (1 - Math.tanh(0.5) ** 2)];
for (let i = 0; i < 2; i++)
  assert.ok(Math.abs(secondDerivative[i] - expected[i]) < 1e-5, `${secondDerivative}`);

x.grad?.dispose();
x.dispose();
assert.equal(memory().tensors, 0, 'every tensor is freed');
console.log(`esm: grad [2, 4, 6], second derivative ${secondDerivative.map((v) => v.toFixed(5)).join(', ')}`);
