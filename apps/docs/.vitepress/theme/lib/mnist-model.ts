// The MNIST demo's network: a small LeNet-style CNN that reaches ~97% on 8,000 training images
// in three epochs, fast enough to train in a browser tab in well under a minute.
import { Conv2d, Flatten, Linear, MaxPool2d, ReLU, Sequential } from '@nagare/layers';

/** [N, 1, 28, 28] → conv 5×5 (8) → pool → conv 5×5 (16) → pool → 64 → 10 logits. */
export function mnistCnn(seed: number): Sequential {
  return new Sequential(
    new Conv2d(1, 8, 5, { seed }), // → [N, 8, 24, 24]
    new ReLU(),
    new MaxPool2d(2), // → [N, 8, 12, 12]
    new Conv2d(8, 16, 5, { seed: seed + 1 }), // → [N, 16, 8, 8]
    new ReLU(),
    new MaxPool2d(2), // → [N, 16, 4, 4]
    new Flatten(), // → [N, 256]
    new Linear(256, 64, { seed: seed + 2 }),
    new ReLU(),
    new Linear(64, 10, { seed: seed + 3 }),
  );
}
