import { expect, test } from 'vitest';
import { type ConvDemo, convnetDemo, convSteps, nagareConv, outputSize, paddedInput } from './conv-demo';

test('convnetDemo has the ConvNetJS shapes: 5×5×3 input of 0…2, two 3×3×3 filters of −1…1, biases 1 and 0', () => {
  const demo = convnetDemo(3);
  expect(demo.input.map((c) => [c.length, c[0].length])).toEqual([
    [5, 5],
    [5, 5],
    [5, 5],
  ]);
  expect(demo.input.flat(2).every((v) => v >= 0 && v <= 2 && Number.isInteger(v))).toBe(true);
  expect(demo.filters.flat(3).every((v) => v >= -1 && v <= 1)).toBe(true);
  expect(demo.filters.map((f) => [f.length, f[0].length, f[0][0].length])).toEqual([
    [3, 3, 3],
    [3, 3, 3],
  ]);
  expect(demo.biases).toEqual([1, 0]);
  expect(paddedInput(demo)[0]).toHaveLength(7);
  expect(paddedInput(demo)[2][0]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  expect(outputSize(demo)).toBe(3);
});

test('convSteps works one output out by hand, and conv2d agrees at all 18 positions', () => {
  // One channel, one all-ones filter: each output is its 3×3 window's sum in the padded input + 1.
  // Padded rows: 00000 / 01200 / 00120 / 02010 / 00000; windows start at rows and columns 0 and 2.
  const tiny: ConvDemo = {
    input: [
      [
        [1, 2, 0],
        [0, 1, 2],
        [2, 0, 1],
      ],
    ],
    filters: [
      [
        [
          [1, 1, 1],
          [1, 1, 1],
          [1, 1, 1],
        ],
      ],
    ],
    biases: [1],
    padding: 1,
    stride: 2,
  };
  const steps = convSteps(tiny);
  expect(steps.map((s) => s.value)).toEqual([4 + 1, 5 + 1, 3 + 1, 4 + 1]);
  expect(steps[1]).toMatchObject({ row: 0, column: 1, top: 0, left: 2, channelSums: [5], bias: 1 });
  for (const seed of [0, 1, 2]) {
    const demo = convnetDemo(seed);
    const computed = nagareConv(demo);
    const all = convSteps(demo);
    expect(all).toHaveLength(18);
    for (const step of all) expect(computed[step.filter][step.row][step.column]).toBe(step.value);
  }
});
