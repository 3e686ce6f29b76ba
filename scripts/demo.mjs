#!/usr/bin/env node
// The README's first command ends here: a short tensor program on the built packages.
import { matmul, memory, randn, softmax, tensor, tidy } from '@nagare/tensor';

const probabilities = tidy(() => {
  const x = tensor([[1, 2, 3], [4, 5, 6]]);
  const w = randn([3, 4], { seed: 42 });
  return softmax(matmul(x, w));
});
console.log('softmax(x · w) =', probabilities.toString());
probabilities.dispose();
console.log('live tensors after cleanup:', memory().tensors);
