import { detach, mul, type Tensor, tanh, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { customGrad } from '../functional/custom-grad';
import '../index';
import { expectGradcheck, expectGradgradcheck } from './index';

describe('@nagare/autograd/testing', () => {
  test('expectGradcheck passes silently for a correct gradient and throws the worst element otherwise', () => {
    expect(() => expectGradcheck((x) => tanh(x), [tensor([0.3, -1])])).not.toThrow();
    const wrong = customGrad(
      (x: Tensor) => mul(x, x),
      (dy) => dy,
    );
    expect(() => expectGradcheck(wrong, [tensor([0.3, -1])])).toThrow(/gradcheck failed at input 0 \[\d\]/);
  });

  test('expectGradgradcheck catches a first derivative that is right but not differentiable', () => {
    // The backward detaches x: first derivatives are exact, second derivatives are lost.
    const cube = customGrad(
      (x: Tensor) => mul(mul(x, x), x),
      (dy, { inputs: [x] }) => mul(dy, mul(mul(detach(x), detach(x)), 3)),
    );
    expect(() => expectGradcheck(cube, [tensor([0.5, 1.5])])).not.toThrow();
    expect(() => expectGradgradcheck(cube, [tensor([0.5, 1.5])])).toThrow(/gradcheck failed/);
    expect(() => expectGradgradcheck((x) => mul(mul(x, x), x), [tensor([0.5, 1.5])])).not.toThrow();
  });
});
