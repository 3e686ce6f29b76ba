import { expect, test } from 'vitest';
import { didYouMean, editDistance, nearest } from './nearest';

test('editDistance counts insertions, deletions and substitutions', () => {
  expect(editDistance('kitten', 'sitting')).toBe(3);
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('same', 'same')).toBe(0);
});

test('nearest suggests a close name and nothing for an unrelated one', () => {
  const names = ['mnist-mlp', 'mnist-lenet5', 'spiral-mlp'];
  expect(nearest('mnist-mpl', names)).toBe('mnist-mlp');
  expect(nearest('MNIST-LENET5', names)).toBe('mnist-lenet5');
  expect(nearest('resnet', names)).toBeUndefined();
  expect(didYouMean('epoch', ['epochs', 'lr'])).toBe(' (did you mean epochs?)');
  expect(didYouMean('zzz', ['epochs'])).toBe('');
});
