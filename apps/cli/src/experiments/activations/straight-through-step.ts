import { customGrad } from '@nagare/autograd';
import { Module } from '@nagare/layers';
import { abs, cast, le, mul, step, type Tensor } from '@nagare/tensor';

// The step function's true derivative is 0 almost everywhere, so nothing below the output layer
// would learn. The straight-through estimator (Bengio et al., 2013) keeps step in the forward pass
// and passes the gradient through where |x| ≤ 1 (the derivative of a hard tanh) in the backward.
const stepStraightThrough = customGrad(
  (x: Tensor) => step(x),
  (dy, { inputs: [x] }) => mul(dy, cast(le(abs(x), 1), dy.dtype)),
);

/**
 * The Heaviside step (1 where x > 0, else 0) trained with a straight-through gradient: the
 * perceptron's activation made trainable in a deep net. Any shape in, the same shape out.
 *
 * @example
 * new StraightThroughStep().call(tensor([-1, 2])); // [0, 1], gradient [1, 0]
 */
export class StraightThroughStep extends Module {
  forward(x: Tensor): Tensor {
    return stepStraightThrough(x);
  }
}
