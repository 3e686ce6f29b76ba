import {
  Conv2d,
  Dropout,
  Flatten,
  Linear,
  MaxPool2d,
  ReLU,
  Sequential,
  type TensorModule,
} from '@nagare/layers';
import { Generator } from '@nagare/tensor';

/** Options of `mlpClassifier`. */
export interface MlpOptions {
  /** Dropout probability after each hidden activation (0 = none). */
  dropout: number;
  seed: number;
}

/**
 * A multi-layer perceptron for classification: flattens each sample, then Linear + ReLU (+ dropout)
 * per hidden size, then a Linear layer to the class logits. Input `[N, ...]` → logits `[N, classes]`.
 *
 * @example
 * mlpClassifier(784, [512, 256], 10, { dropout: 0.2, seed: 0 }); // 784-512-256-10
 */
export function mlpClassifier(
  inputs: number,
  hidden: readonly number[],
  classes: number,
  options: MlpOptions,
) {
  // One generator for all weights: the whole initialization follows from the seed.
  const generator = new Generator(options.seed);
  const layers: TensorModule[] = [new Flatten()];
  let width = inputs;
  hidden.forEach((size, index) => {
    layers.push(new Linear(width, size, { generator }), new ReLU());
    if (options.dropout > 0)
      layers.push(new Dropout(options.dropout, { seed: options.seed * 1000 + index + 1 }));
    width = size;
  });
  layers.push(new Linear(width, classes, { generator }));
  return new Sequential(...layers);
}

/**
 * LeNet-5 (LeCun et al., 1998) for 28×28 single-channel digits, with the modern ReLU and max-pool
 * in place of the original scaled tanh and trainable subsampling: conv 5×5 (6, padding 2) → pool →
 * conv 5×5 (16) → pool → 120 → 84 → classes. 61,706 parameters for 10 classes.
 *
 * @example
 * lenet5(10, 0).call(zeros([8, 1, 28, 28])).shape; // [8, 10]
 */
export function lenet5(classes: number, seed: number): Sequential {
  const generator = new Generator(seed);
  return new Sequential(
    new Conv2d(1, 6, 5, { padding: 2, generator }),
    new ReLU(),
    new MaxPool2d(2),
    new Conv2d(6, 16, 5, { generator }),
    new ReLU(),
    new MaxPool2d(2),
    new Flatten(),
    new Linear(16 * 5 * 5, 120, { generator }),
    new ReLU(),
    new Linear(120, 84, { generator }),
    new ReLU(),
    new Linear(84, classes, { generator }),
  );
}
