// CommonJS smoke program: tensor + autograd + optimizers, without layers, loaded with require().
const assert = require('node:assert/strict');
require('@nagare/autograd'); // installs the gradient recorder that backward() needs
const { Adam } = require('@nagare/optimizers');
const { matmul, mean, randn, square, sub, tensor, tidy, zeros } = require('@nagare/tensor');
// The testing entry must share the main entry's Tensor class and engine, in CJS as in ESM.
const { expectAllClose } = require('@nagare/tensor/testing');

// Least squares: recover the weights [2, -1, 0.5] from 64 noiseless samples.
const x = randn([64, 3], { seed: 1 });
const y = matmul(x, tensor([[2], [-1], [0.5]]));
const w = zeros([3, 1], { requiresGrad: true });
const optimizer = new Adam([w], { lr: 0.1 });
for (let step = 0; step < 300; step++) {
  tidy(() => mean(square(sub(matmul(x, w), y))).backward());
  optimizer.step();
  optimizer.zeroGrad();
}
const weights = w.toArray().flat();
for (const [i, target] of [2, -1, 0.5].entries()) {
  assert.ok(Math.abs(weights[i] - target) < 1e-2, `weights ${weights}`);
}
expectAllClose(w, [[2], [-1], [0.5]], { atol: 1e-2 });
assert.throws(() => expectAllClose(w, [[0], [0], [0]]), /values differ/);
console.log(`cjs: Adam recovered weights ${weights.map((v) => v.toFixed(3)).join(', ')}`);
