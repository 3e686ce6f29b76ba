import { describe, expect, test } from 'vitest';
import { MNIST_PIXELS, mnistBatches } from './mnist';

describe('mnistBatches', () => {
  test('gives distinct batches of 28×28 digits scaled to [0, 1] with labels 0–9', () => {
    const batches = mnistBatches(64, 3);
    expect(batches).toHaveLength(3);
    for (const { images, labels } of batches) {
      expect(images.length).toBe(64 * MNIST_PIXELS);
      expect(labels.length).toBe(64);
      expect(Math.min(...images)).toBe(0);
      expect(Math.max(...images)).toBe(1);
      expect(labels.every((label) => label >= 0 && label <= 9)).toBe(true);
    }
    expect(batches[0].labels).not.toEqual(batches[1].labels);
    // The first training digit of MNIST is a 5.
    expect(batches[0].labels[0]).toBe(5);
  });
});
