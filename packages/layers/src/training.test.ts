import { noGrad } from '@nagare/autograd';
import { argmax, assign, cast, eq, mean, memory, mul, randn, sub, tensor, tidy } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { crossEntropy } from './losses/cross-entropy';
import { mlp } from './models/mlp';
import { describeBackends } from './test-support/backends';

describeBackends('training', () => {
  test('an MLP learns a separable problem with plain SGD, and a step leaks no tensor', () => {
    // Class = which of the first two features is larger: learnable to near-perfect accuracy.
    const x = randn([64, 4], { seed: 1 });
    const rows = x.toArray() as number[][];
    const y = tensor(
      rows.map((r) => (r[0] > r[1] ? 1 : 0)),
      { dtype: 'int32' },
    );
    const model = mlp([4, 16, 2], 'tanh', { batchNorm: true, seed: 2 });
    const step = () =>
      tidy(() => {
        model.zeroGrad();
        const loss = crossEntropy(model.call(x), y);
        loss.backward();
        noGrad(() => {
          for (const p of model.parameters()) assign(p, sub(p, mul(p.grad!, 0.5)));
        });
        return loss.item();
      });
    const first = step();
    step();
    const live = memory().tensors;
    let last = first;
    for (let i = 0; i < 60; i++) last = step();
    model.zeroGrad();
    expect(memory().tensors).toBeLessThanOrEqual(live);
    expect(last).toBeLessThan(first / 3);
    model.eval();
    const accuracy = tidy(() => mean(cast(eq(argmax(model.call(x), 1), y), 'float32')).item());
    expect(accuracy).toBeGreaterThan(0.9);
    model.dispose();
  });
});
