import { Dropout, Flatten, init, Linear, ReLU, Sequential } from '@nagare/layers';
import { Generator, type Tensor } from '@nagare/tensor';

/**
 * The lecture's over-parameterized net (ゼロから作るDeep Learning, ch. 6.4): `784 → hidden… → 10`,
 * ReLU, He-normal weights and zero biases, optionally Dropout after every hidden ReLU.
 *
 * @example
 * overfitMlp([100, 100], 0.2, 0).call(zeros([2, 1, 28, 28])).shape; // [2, 10]
 */
export function overfitMlp(hidden: readonly number[], dropout: number, seed: number): Sequential {
  const generator = new Generator(seed);
  const options = { generator, weightInit: init.heNormal, biasInit: (t: Tensor) => init.zeros(t) };
  const model = new Sequential(new Flatten());
  let width = 784;
  for (const size of hidden) {
    model.append(new Linear(width, size, options));
    model.append(new ReLU());
    if (dropout > 0) model.append(new Dropout(dropout, { generator }));
    width = size;
  }
  model.append(new Linear(width, 10, options));
  return model;
}
