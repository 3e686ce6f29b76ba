import { randn } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { SHAPE_CLASSES, shapesDataset } from './shapes-dataset';
import { buildSmallCnn, SMALL_CNNS } from './small-cnns';

test('shapesDataset draws seeded 3×32×32 images of every class, centred on 0', () => {
  const data = shapesDataset(160, 7);
  const [images, labels] = data.columns;
  expect(images.shape).toEqual([160, 3, 32, 32]);
  const counts = new Array(SHAPE_CLASSES.length).fill(0);
  for (const label of labels.values) counts[label]++;
  for (const count of counts) expect(count).toBeGreaterThan(8);
  let sum = 0;
  for (const value of images.values) sum += value;
  expect(Math.abs(sum / images.values.length)).toBeLessThan(0.1);
  expect(shapesDataset(160, 7).columns[0].values).toEqual(images.values);
  expect(shapesDataset(400, 8).columns[0].values).not.toEqual(images.values);
  expect(() => shapesDataset(0, 1)).toThrow(/count must be a positive integer/);
  expect(() => shapesDataset(10, 1, 9)).toThrow(/classes must be an integer in \[2, 8\]/);
  const four = shapesDataset(40, 1, 4).columns[1].values;
  expect(Math.max(...four)).toBe(3);
});

test('the small CNNs map [N, 3, 32, 32] to [N, classes] with their documented sizes', () => {
  const x = randn([2, 3, 32, 32], { seed: 0 });
  const sizes = SMALL_CNNS.map((name) => {
    const model = buildSmallCnn(name, 8, 0);
    expect(model.call(x).shape).toEqual([2, 8]);
    const count = model.numParameters();
    model.dispose();
    return count;
  });
  expect(sizes).toEqual([92_304, 19_888, 9_464]);
  x.dispose();
});
