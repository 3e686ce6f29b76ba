import { Module } from '@nagare/layers';
import { add, mul, type Tensor } from '@nagare/tensor';

// LeCun et al. (1998), §III.A: "the background level (white) corresponds to a value of -0.1 and the
// foreground (black) corresponds to 1.175. This makes the mean input roughly 0, and the variance
// roughly 1", which suits the tanh units. MNIST pixels here run from 0 (background) to 1.
const BACKGROUND = -0.1;
const FOREGROUND = 1.175;

/**
 * Maps MNIST pixels in [0, 1] to LeNet-5's input range [−0.1, 1.175], as the paper does. Any shape
 * in, the same shape out.
 *
 * @example
 * new PaperPixels().call(tensor([0, 1])); // [−0.1, 1.175]
 */
export class PaperPixels extends Module {
  forward(x: Tensor): Tensor {
    return add(mul(x, FOREGROUND - BACKGROUND), BACKGROUND);
  }
}
