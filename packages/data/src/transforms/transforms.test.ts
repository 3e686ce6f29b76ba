import { Generator, memory, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { describe, expect, test } from 'vitest';
import { randomCrop, randomHorizontalFlip, randomShift } from './image';
import { randomizeLabels, shuffleLabels } from './labels';
import { compose, gaussianNoise, normalize, oneHot, onInputs, scaleTo01 } from './transforms';

const g = () => new Generator(1);
const image = () =>
  tensor([
    [
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
    ],
  ]); // [1, 1, 3, 3]

describe('transforms', () => {
  test('normalize with scalars and per channel', () => {
    expect(normalize(1, 2)(tensor([1, 3, 5]), g()).toArray()).toEqual([0, 1, 2]);
    const x = tensor([[[[2]], [[4]]]]); // [1, 2, 1, 1]
    expect(normalize([1, 2], [1, 2])(x, g()).toArray()).toEqual([[[[1]], [[1]]]]);
    expect(() => normalize([1, 2, 3], 1)(x, g())).toThrowError(/normalize: 3 channel values/);
    expect(() => normalize(0, 0)).toThrowError(/std must be positive/);
  });

  test('scaleTo01 divides by 255', () => {
    expectAllClose(scaleTo01()(tensor([0, 51, 255]), g()), [0, 0.2, 1]);
  });

  test('oneHot encodes labels', () => {
    expect(oneHot(3)(tensor([2, 0], { dtype: 'int32' }), g()).toArray()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
  });

  test('gaussianNoise has the requested spread and is seeded', () => {
    const x = tensor(new Float32Array(20_000));
    const noisy = gaussianNoise(0.5)(x, g()).dataSync();
    const variance = Array.from(noisy).reduce((s, v) => s + v * v, 0) / noisy.length;
    expect(Math.sqrt(variance)).toBeCloseTo(0.5, 1);
    expect(gaussianNoise(0.5)(x, g()).dataSync()).toEqual(noisy);
  });

  test('randomCrop with padding translates within the frame and keeps pixel values', () => {
    const out = randomCrop(1)(image(), g()).dataSync();
    const kept = Array.from(out).filter((v) => v !== 0);
    expect(kept.every((v) => v >= 1 && v <= 9)).toBe(true);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(randomCrop(0)(image(), g()).toArray()).toEqual(image().toArray());
  });

  test('randomShift moves the image by the drawn offset', () => {
    const generator = new Generator(4);
    const probe = new Generator(4);
    const dy = probe.nextInt(3) - 1;
    const dx = probe.nextInt(3) - 1;
    const out = randomShift(1)(image(), generator).toArray() as number[][][][];
    const src = image().toArray() as number[][][][];
    for (let y = 0; y < 3; y++) {
      for (let x = 0; x < 3; x++) {
        const sy = y - dy;
        const sx = x - dx;
        const expected = sy >= 0 && sy < 3 && sx >= 0 && sx < 3 ? src[0][0][sy][sx] : 0;
        expect(out[0][0][y][x]).toBe(expected);
      }
    }
    expect(() => randomShift(1)(tensor([1, 2]), g())).toThrowError(
      /expected a batch of images \[N, C, H, W\]/,
    );
  });

  test('randomHorizontalFlip with p = 1 mirrors, with p = 0 keeps', () => {
    expect(randomHorizontalFlip(1)(image(), g()).toArray()).toEqual([
      [
        [
          [3, 2, 1],
          [6, 5, 4],
          [9, 8, 7],
        ],
      ],
    ]);
    expect(randomHorizontalFlip(0)(image(), g()).toArray()).toEqual(image().toArray());
  });

  test('compose chains and frees intermediates; onInputs transforms element 0', () => {
    const x = tensor([0, 255]);
    const start = memory().tensors;
    const out = compose(scaleTo01(), normalize(0.5, 0.5))(x, g());
    expect(out.toArray()).toEqual([-1, 1]);
    expect(memory().tensors - start).toBe(1);
    const labels = tensor([1], { dtype: 'int32' });
    const [inputs, same] = onInputs(scaleTo01())([tensor([255]), labels], g());
    expect(inputs.toArray()).toEqual([1]);
    expect(same).toBe(labels);
  });
});

describe('label transforms', () => {
  test('shuffleLabels permutes the labels reproducibly', () => {
    const labels = Int32Array.from({ length: 50 }, (_, i) => i % 10);
    const shuffled = shuffleLabels(labels, { seed: 1 });
    expect([...shuffled].sort()).toEqual([...labels].sort());
    expect(shuffled).not.toEqual(labels);
    expect(shuffleLabels(labels, { seed: 1 })).toEqual(shuffled);
  });

  test('randomizeLabels replaces about the requested fraction', () => {
    const labels = new Int32Array(10_000);
    const out = randomizeLabels(labels, 0.5, 10, { seed: 3 });
    const changed = out.filter((v) => v !== 0).length;
    // Half are re-drawn; a re-drawn label is non-zero with probability 0.9.
    expect(changed / labels.length).toBeCloseTo(0.45, 1);
    expect(randomizeLabels(labels, 0, 10)).toEqual(labels);
    expect(() => randomizeLabels(labels, 1.5, 10)).toThrowError(/fraction must be in \[0, 1\]/);
  });
});
