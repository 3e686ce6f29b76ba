import {
  assign,
  logSoftmax,
  matmul,
  mean,
  memory,
  mul,
  oneHot,
  randint,
  randn,
  relu,
  sub,
  sum,
  type Tensor,
  tidy,
  zeros,
} from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { valueAndGrad } from './functional/grad';
import { noGrad } from './grad-mode';
import './index';

const x = randn([16, 4], { seed: 21 });
const y = oneHot(randint(0, 3, [16], { seed: 22 }), 3);
const params = [
  randn([4, 8], { seed: 23 }).mul(0.5),
  zeros([8]),
  randn([8, 3], { seed: 24 }).mul(0.5),
  zeros([3]),
];

function loss([w1, b1, w2, b2]: readonly Tensor[]): Tensor {
  const logits = matmul(relu(matmul(x, w1).add(b1)), w2).add(b2);
  return mean(mul(sum(mul(logSoftmax(logits), y), 1), -1));
}

describe('memory', () => {
  test('1,000 forward+backward steps of a small MLP keep memory().tensors flat', () => {
    const ws = params.map((p) => p.clone().requiresGrad_());
    const step = () =>
      tidy(() => {
        const value = loss(ws);
        value.backward();
        noGrad(() => {
          for (const w of ws) {
            assign(w, sub(w, mul(w.grad!, 0.1)));
            w.zeroGrad();
          }
        });
        return value.item();
      });
    const first = step();
    const baseline = memory();
    let last = first;
    for (let i = 1; i < 1000; i++) last = step();
    expect(memory().tensors).toBe(baseline.tensors);
    expect(memory().bytes).toBe(baseline.bytes);
    expect(last).toBeLessThan(first * 0.5); // it really trained
  });

  test('200 functional valueAndGrad steps keep memory flat too', () => {
    const ws = params.map((p) => p.clone());
    const lossAndGrads = valueAndGrad((...p: Tensor[]) => loss(p), { argnums: [0, 1, 2, 3] });
    const step = () =>
      tidy(() => {
        const { value, grad } = lossAndGrads(...ws);
        ws.forEach((w, i) => {
          assign(w, sub(w, mul(grad[i], 0.1)));
        });
        return value.item();
      });
    step();
    const baseline = memory().tensors;
    for (let i = 1; i < 200; i++) step();
    expect(memory().tensors).toBe(baseline);
  });

  test('under noGrad nothing is recorded: no graph nodes, no saved tensors', () => {
    const ws = params.map((p) => p.clone().requiresGrad_());
    const before = memory().tensors;
    const value = noGrad(() => tidy(() => loss(ws)));
    expect(value.requiresGrad).toBe(false);
    expect(value.gradNode).toBeNull();
    expect(memory().tensors - before).toBe(1);
    for (let i = 0; i < 100; i++) noGrad(() => tidy(() => loss(ws).item()));
    expect(memory().tensors - before).toBe(1);
  });
});
