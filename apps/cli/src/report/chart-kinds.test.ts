import { describe, expect, test } from 'vitest';
import { barChart } from './bar-chart';
import { contourChart, isolineSegments } from './contour-chart';
import { chartRow, renderExperimentReport } from './experiment-report';
import { histogram, histogramChart } from './histogram-chart';
import { imageGrid } from './image-grid';
import { lineChart } from './line-chart';
import { makeScale } from './scale';
import { htmlTable } from './table';

const numbersOf = (svg: string, attribute: string) =>
  [...svg.matchAll(new RegExp(`${attribute}="([-0-9.]+)"`, 'g'))].map((m) => Number(m[1]));

describe('makeScale', () => {
  test('a log scale ticks at decades and maps each decade to equal widths', () => {
    const scale = makeScale([2e-6, 3e-3], { kind: 'log', range: [0, 400] });
    expect(scale.ticks).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 1e-2]);
    expect(scale.at(1e-5) - scale.at(1e-6)).toBeCloseTo(scale.at(1e-2) - scale.at(1e-3), 6);
  });

  test('a fixed domain maps its ends to the range ends and keeps ticks inside', () => {
    const scale = makeScale([0.3, 0.9], { domain: [0, 1], range: [250, 50] });
    expect([scale.at(0), scale.at(1)]).toEqual([250, 50]);
    expect(Math.min(...scale.ticks)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...scale.ticks)).toBeLessThanOrEqual(1);
  });
});

describe('lineChart extensions', () => {
  const many = Array.from({ length: 8 }, (_, i) => ({
    name: `series ${i}`,
    points: Array.from({ length: 100 }, (_, step) => [step + 1, 1 / (step + 1 + i)] as const),
  }));

  test('long series are drawn without markers and many series get a legend beside the plot', () => {
    const svg = lineChart({ title: 'loss', xLabel: 'step', yLabel: 'loss', series: many });
    expect(svg.match(/<polyline/g)).toHaveLength(8);
    expect(svg.match(/<circle/g)).toBeNull();
    // The legend sits right of the plot frame.
    const frameRight = 480 - 16 + 0;
    const legendX = numbersOf(svg, 'x1').filter((x) => x > frameRight);
    expect(legendX.length).toBeGreaterThanOrEqual(8);
  });

  test('points mode makes a scatter plot on log axes, dropping non-positive values', () => {
    const svg = lineChart({
      title: 'trials',
      xLabel: 'lr',
      yLabel: 'accuracy',
      xScale: 'log',
      series: [
        {
          name: 'trial',
          mode: 'points',
          points: [
            [1e-5, 0.2],
            [1e-3, 0.9],
            [0, 0.5],
          ],
        },
      ],
    });
    expect(svg.match(/<polyline/g)).toBeNull();
    // Two data points with tooltips, and a dot as the legend's swatch.
    expect(svg.match(/<circle[^>]*><title>/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(3);
    expect(svg).toContain('>1e-5<');
  });
});

describe('histogram', () => {
  test('bins values into equal-width bins, the last one closed, skipping NaN and outliers', () => {
    const h = histogram([0, 0.1, 0.5, 0.99, 1, Number.NaN, 2], { bins: 2, min: 0, max: 1 });
    expect(h.counts).toEqual([2, 3]);
  });

  test('defaults its range to the data', () => {
    expect(histogram([3, 5, 7], { bins: 2 })).toEqual({ min: 3, max: 7, counts: [1, 2] });
  });

  test('rejects a bin count that is not a positive integer', () => {
    expect(() => histogram([1], { bins: 0 })).toThrow(/histogram: bins must be a positive integer/);
  });

  test('the chart draws one bar per non-empty bin, taller for larger counts', () => {
    const svg = histogramChart({
      title: 'layer 1',
      xLabel: 'activation',
      series: [{ name: 'a', histogram: { min: 0, max: 1, counts: [1, 0, 4] } }],
    });
    const bars = [...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)" fill/g)].map(
      (m) => Number(m[1]),
    );
    expect(bars).toHaveLength(2);
    expect(bars[1]).toBeGreaterThan(3 * bars[0]);
  });
});

describe('contourChart', () => {
  test('isolineSegments finds where a linear ramp crosses the level', () => {
    const values = Float64Array.of(0, 1, 0, 1); // f = x on the unit square
    expect(isolineSegments([0, 1], [0, 1], values, 0.5)).toEqual([[0.5, 0, 0.5, 1]]);
    expect(isolineSegments([0, 1], [0, 1], values, 2)).toEqual([]);
  });

  test('isolines of a bowl form closed rings: every endpoint is shared by two segments', () => {
    const xs = Array.from({ length: 21 }, (_, i) => -1 + i / 10);
    const values = new Float64Array(21 * 21);
    xs.forEach((y, j) => {
      xs.forEach((x, i) => {
        values[j * 21 + i] = x * x + y * y;
      });
    });
    // 0.55 passes through no grid point, so no ring touches a corner exactly.
    const segments = isolineSegments(xs, xs, values, 0.55);
    const key = (x: number, y: number) => `${x.toFixed(6)},${y.toFixed(6)}`;
    const counts = new Map<string, number>();
    for (const [x0, y0, x1, y1] of segments) {
      for (const k of [key(x0, y0), key(x1, y1)]) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.values()].every((c) => c === 2)).toBe(true);
    for (const [x0, y0] of segments) expect(Math.hypot(x0, y0)).toBeCloseTo(Math.sqrt(0.55), 1);
  });

  test('draws the level sets and each path with a dot per visited point', () => {
    const svg = contourChart({
      title: 'f',
      f: (x, y) => (x * x) / 20 + y * y,
      xRange: [-10, 10],
      yRange: [-5, 5],
      levels: 6,
      paths: [
        {
          name: 'SGD',
          points: [
            [-7, 2],
            [-6, -1],
            [-5, 0.5],
          ],
        },
        {
          name: 'Adam',
          points: [
            [-7, 2],
            [-6.7, 1.7],
          ],
        },
      ],
      marker: [0, 0],
    });
    expect(svg.match(/class="contour"/g)).toHaveLength(6);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(5);
    expect(svg).toContain('SGD step 2: (-5, 0.5)');
  });
});

describe('imageGrid', () => {
  test('merges equal neighbouring pixels into one rectangle and labels each image', () => {
    const svg = imageGrid({
      title: 'digits',
      images: [
        { width: 2, height: 2, pixels: [0, 0, 1, 1], label: 'a' },
        { width: 2, height: 2, pixels: [0, 1, 0, 1], label: 'b' },
      ],
    });
    // a: 1 run per row; b: 2 per row; plus one frame per image.
    expect(svg.match(/<rect/g)).toHaveLength(2 + 4 + 2);
    expect(svg).toContain('#ffffff');
    expect(svg).toContain('#000000');
    expect(svg).toContain('>b</text>');
  });

  test('the diverging colormap shows signs as hues around a white zero', () => {
    const svg = imageGrid({
      title: 'w',
      colormap: 'diverging',
      images: [{ width: 3, height: 1, pixels: [-1, 0, 1] }],
    });
    expect(svg).toContain('#d55e00');
    expect(svg).toContain('#ffffff');
    expect(svg).toContain('#0072b2');
  });

  test('rejects pixels that do not match the size', () => {
    expect(() => imageGrid({ title: 'x', images: [{ width: 2, height: 2, pixels: [1, 2, 3] }] })).toThrow(
      /imageGrid: image "" has 3 values, expected 1×2×2/,
    );
  });
});

test('htmlTable right-aligns numbers, escapes text and bolds the best row', () => {
  const html = htmlTable({
    header: ['name', 'accuracy'],
    rows: [
      ['<relu>', 0.979],
      ['sigmoid', 0.951],
      ['step', null],
    ],
    highlight: { column: 1, mode: 'max' },
    formats: { 1: (v) => `${(v * 100).toFixed(1)}%` },
  });
  expect(html).toContain('<tr class="best"><td>&lt;relu&gt;</td><td class="num">97.9%</td></tr>');
  expect(html).toContain('<td>—</td>');
  expect(html.match(/class="best"/g)).toHaveLength(1);
});

test('barChart draws grouped bars up and down from zero with a legend', () => {
  const svg = barChart({
    title: 'mean',
    yLabel: 'value',
    categories: ['layer 1', 'layer 2'],
    series: [
      { name: 'selu', values: [0.1, -0.2] },
      { name: 'relu', values: [0.8, null] },
    ],
  });
  const bars = [...svg.matchAll(/<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)" fill="#/g)].map(
    (m) => [Number(m[1]), Number(m[2])],
  );
  expect(bars).toHaveLength(3 + 1 + 2); // 3 bars, the legend's background and 2 swatches
  const [up, down] = [bars[0], bars[2]];
  expect(down[0]).toBeCloseTo(up[0] + up[1], 0); // the negative bar starts where the positive one ends: at 0
  expect(svg).toContain('layer 2, selu: -0.2');
});

test('renderExperimentReport puts the headline first and stays self-contained', () => {
  const html = renderExperimentReport({
    name: 'activations',
    description: 'one MLP, twelve activations',
    headline: 'ReLU reached 97.9% & sigmoid 95.1%.',
    sections: [{ title: 'Loss', html: chartRow(['<svg class="chart"></svg>', '<svg class="chart"></svg>']) }],
    settings: [['size', 'quick']],
    backend: 'wasm',
    seconds: 75,
    createdAt: new Date('2025-01-01T00:00:00Z'),
  });
  expect(html).toContain('<p class="headline">ReLU reached 97.9% &amp; sigmoid 95.1%.</p>');
  expect(html.indexOf('headline')).toBeLessThan(html.indexOf('<h2>Loss</h2>'));
  expect(html).toContain('1m 15s');
  expect(html).not.toMatch(/https?:\/\/|<script|<link|<img|url\(/);
});
