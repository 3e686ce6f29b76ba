import { expect, test } from 'vitest';
import { convArithmeticChart } from './conv-arithmetic-chart';

const volumes = {
  input: [
    [
      [0, 0, 0, 0],
      [0, 1, 2, 0],
      [0, 3, 4, 0],
      [0, 0, 0, 0],
    ],
  ],
  padding: 1,
  filters: [
    [
      [
        [1, 0],
        [0, -1],
      ],
    ],
  ],
  biases: [1],
  output: [
    [
      [0, -1],
      [4, 5],
    ],
  ],
};

test('convArithmeticChart labels every cell and shades the padding', () => {
  const svg = convArithmeticChart(volumes, { title: 'demo' });
  expect(svg.startsWith('<svg')).toBe(true);
  // 16 input + 4 filter + 4 output cells, each a rectangle with its number.
  expect(svg.match(/<rect [^>]*stroke="#c5ccd4"/g)).toHaveLength(24);
  expect(svg.match(/fill="#eceff3"/g)).toHaveLength(12);
  expect(svg).toContain('x[:,:,0]');
  expect(svg).toContain('b0 = 1');
});

test('convArithmeticChart highlights the focused window and writes its arithmetic', () => {
  const svg = convArithmeticChart(volumes, {
    title: 'step',
    focus: { filter: 0, row: 1, column: 0, top: 2, left: 0, channelSums: [3] },
  });
  expect(svg).toContain('fill-opacity="0.15"');
  expect(svg).toContain('o[1,0,0] = 3 + b0 (1) = 4');
});
