// The MNIST demo's network: LeNet-5 from nagare's model zoo, in its modern form (ReLU and max
// pooling; LeCun et al., 1998, used tanh and average pooling). 61,706 parameters:
// [N, 1, 28, 28] → conv 5×5 (6, padding 2) → pool → conv 5×5 (16) → pool → 120 → 84 → 10 logits.
import type { Sequential } from '@nagare/layers';
import { lenet5 } from '@nagare/layers/models';

/** LeNet-5 (ReLU, max-pool) for the 10 digits, its weights drawn from `seed`. */
export function mnistLenet5(seed: number): Sequential {
  return lenet5({ variant: 'modern', numClasses: 10, seed });
}
