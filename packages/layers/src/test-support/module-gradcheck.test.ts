import { randn, type Tensor, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { Module } from '../module';
import { expectModuleGradcheck } from './module-gradcheck';

class Scale extends Module {
  readonly w = this.registerParameter('w', tensor([1.5], { dtype: 'float64' }));
  constructor(readonly isBroken: boolean) {
    super();
  }
  forward(x: Tensor): Tensor {
    // The broken variant hides w from autograd, so its analytic gradient is 0.
    return x.mul(this.isBroken ? this.w.detach() : this.w);
  }
}

test('expectModuleGradcheck passes a correct module and catches a missing parameter gradient', () => {
  const x = randn([3], { seed: 0, dtype: 'float64' });
  expect(() => expectModuleGradcheck(new Scale(false), [x])).not.toThrow();
  expect(() => expectModuleGradcheck(new Scale(true), [x])).toThrow(/w\[0\]: analytic 0/);
});
