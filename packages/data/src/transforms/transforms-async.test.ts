import { createJsBackend, Generator, getBackend, randn, type Tensor, useBackend } from '@nagare/tensor';
import { asyncOnlyBackend } from '@nagare/tensor/testing';
import { afterEach, expect, test } from 'vitest';
import { randomCrop, randomHorizontalFlip, randomShift } from './image';
import { gaussianNoise, type Transform } from './transforms';

const original = getBackend();
afterEach(() => useBackend(original));

/** The transform's output values for a seeded batch, on the active backend. */
async function apply(transform: Transform): Promise<number[]> {
  const x = randn([3, 2, 4, 5], { seed: 1 });
  const y: Tensor = transform(x, new Generator(7));
  const values = Array.from(await y.data());
  x.dispose();
  y.dispose();
  return values;
}

test('image transforms give the same images where reads are async only (gathered on the backend)', async () => {
  for (const make of [() => randomCrop(2), () => randomShift(1, 0.5), () => randomHorizontalFlip(0.5)]) {
    useBackend(createJsBackend());
    const expected = await apply(make());
    useBackend(asyncOnlyBackend(createJsBackend()));
    expect(await apply(make())).toEqual(expected);
  }
});

test('gaussianNoise draws the same noise where reads are async only', async () => {
  useBackend(createJsBackend());
  const expected = await apply(gaussianNoise(0.3));
  useBackend(asyncOnlyBackend(createJsBackend()));
  const actual = await apply(gaussianNoise(0.3));
  for (const [i, v] of actual.entries()) expect(v).toBeCloseTo(expected[i], 6);
});
