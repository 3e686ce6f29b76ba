import {
  bernoulli,
  manualSeed,
  matmul,
  memory,
  mul,
  randn,
  relu,
  sum,
  type Tensor,
  tanh,
  tensor,
  tidy,
} from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import '../index';
import { checkpoint } from './checkpoint';
import { grad } from './grad';

const w1 = randn([4, 6], { seed: 1, dtype: 'float64' }).requiresGrad_();
const w2 = randn([6, 3], { seed: 2, dtype: 'float64' }).requiresGrad_();
const block = (x: Tensor) => tanh(matmul(relu(matmul(x, w1)), w2));

function gradients(useCheckpoint: boolean): number[][] {
  const x = randn([5, 4], { seed: 3, dtype: 'float64' }).requiresGrad_();
  const f = useCheckpoint ? checkpoint(block) : block;
  sum(mul(f(x), f(x))).backward();
  const result = [x.grad!, w1.grad!, w2.grad!].map((g) => Array.from(g.dataSync()));
  w1.zeroGrad();
  w2.zeroGrad();
  return result;
}

describe('checkpoint', () => {
  test('gives the same gradients for arguments and for weights read from the closure', () => {
    const plain = gradients(false);
    const recomputed = gradients(true);
    recomputed.forEach((values, i) => {
      values.forEach((v, j) => {
        expect(v).toBeCloseTo(plain[i][j], 12);
      });
    });
  });

  test('keeps fewer tensors alive between forward and backward', () => {
    const x = randn([5, 4], { seed: 4, dtype: 'float64' }).requiresGrad_();
    const kept = (f: (x: Tensor) => Tensor) => {
      const before = memory().tensors;
      const y = sum(f(x));
      const alive = memory().tensors - before;
      y.backward();
      return alive;
    };
    const plain = kept(block);
    const recomputed = kept(checkpoint(block));
    expect(recomputed).toBeLessThan(plain);
    w1.zeroGrad();
    w2.zeroGrad();
  });

  test('replays the default random stream, so dropout draws the same mask in the recomputation', () => {
    const dropout = (x: Tensor) => mul(x, bernoulli(x.shape, 0.5, { dtype: 'float64' }));
    const run = (f: (x: Tensor) => Tensor) => {
      manualSeed(7);
      const x = tensor([1, 2, 3, 4, 5, 6, 7, 8], { dtype: 'float64', requiresGrad: true });
      sum(mul(f(x), f(x))).backward();
      return Array.from(x.grad!.dataSync());
    };
    expect(run(checkpoint(dropout))).toEqual(run(dropout));
  });

  test('a non-leaf tensor from the closure gets its gradient through the checkpoint', () => {
    const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
    const h = mul(x, 3);
    const f = checkpoint((a: Tensor) => mul(a, h));
    sum(f(x)).backward();
    expect(x.grad?.toArray()).toEqual([6, 12]); // d/dx Σ x·3x = 6x
  });

  test('nests, and supports grad of grad (the recomputation is recorded under createGraph)', () => {
    const inner = checkpoint((a: Tensor) => tanh(a));
    const outer = checkpoint((a: Tensor) => mul(inner(a), 2));
    const second = grad((x: Tensor) => sum(grad((y: Tensor) => sum(outer(y)))(x)))(
      tensor([0.5], { dtype: 'float64' }),
    );
    const t = Math.tanh(0.5);
    expect(second.item()).toBeCloseTo(2 * -2 * t * (1 - t * t), 12);
  });

  test('leaves nothing behind after backward', () => {
    const x = randn([5, 4], { seed: 5, dtype: 'float64' }).requiresGrad_();
    const f = checkpoint(block);
    sum(f(x)).backward();
    w1.zeroGrad();
    w2.zeroGrad();
    x.zeroGrad();
    const before = memory().tensors;
    tidy(() => sum(f(x)).backward());
    w1.zeroGrad();
    w2.zeroGrad();
    x.zeroGrad();
    expect(memory().tensors).toBe(before);
  });
});
