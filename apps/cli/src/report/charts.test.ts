import { describe, expect, test } from 'vitest';
import { confusionChart } from './confusion-chart';
import { decisionBoundaryChart } from './decision-boundary-chart';
import { lineChart } from './line-chart';

describe('lineChart', () => {
  const svg = lineChart({
    title: 'Loss <per> epoch',
    xLabel: 'epoch',
    yLabel: 'loss',
    series: [
      {
        name: 'train',
        points: [
          [1, 0.5],
          [2, 0.3],
          [3, 0.2],
        ],
      },
      {
        name: 'validation',
        points: [
          [1, 0.6],
          [2, Number.NaN],
          [3, 0.25],
        ],
        isDashed: true,
      },
    ],
  });

  test('draws one polyline per series and a marker per finite point', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(5);
    expect(svg).toContain('stroke-dasharray');
  });

  test('escapes text and maps the largest value to the top of the plot', () => {
    expect(svg).toContain('Loss &lt;per&gt; epoch');
    const train = svg
      .match(/<polyline points="([^"]+)"/)?.[1]
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(train?.[0][1]).toBeLessThan(train?.[2][1] ?? 0);
    expect(train?.[0][0]).toBeLessThan(train?.[2][0] ?? 0);
  });
});

test('confusionChart draws a cell per class pair and labels the counts', () => {
  const svg = confusionChart(
    [
      [5, 1],
      [0, 4],
    ],
    ['cat', 'dog'],
  );
  expect(svg.match(/<rect/g)).toHaveLength(4);
  expect(svg).toContain('true cat, predicted dog: 1');
  expect(svg).toContain('>5</text>');
});

test('decisionBoundaryChart merges runs of equal labels and draws every point', () => {
  const svg = decisionBoundaryChart({
    min: -1,
    max: 1,
    grid: [
      [0, 0, 1],
      [1, 1, 1],
    ],
    points: [{ x: 0, y: 0, label: 1 }],
  });
  // Row 0 has two runs, row 1 one; plus the frame.
  expect(svg.match(/<rect/g)).toHaveLength(4);
  expect(svg.match(/<circle/g)).toHaveLength(1);
});

test("lineChart's inside-bottom legend sits in the lower part of the plot, clear of rising curves", () => {
  const options = {
    title: 'Accuracy',
    xLabel: 'epoch',
    yLabel: 'accuracy',
    series: [
      {
        name: 'train',
        points: [
          [1, 0.5],
          [2, 0.9],
        ] as [number, number][],
      },
    ],
  };
  const legendY = (svg: string) =>
    Number(svg.match(/<text x="[\d.]+" y="([\d.]+)" class="legend">train<\/text>/)?.[1]);
  expect(legendY(lineChart({ ...options, legend: 'inside-bottom' }))).toBeGreaterThan(200);
  expect(legendY(lineChart(options))).toBeLessThan(100);
});
