import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { deepActivations, layerStats } from './deep-activations';
import type { DeepCase } from './histogram-figures';
import { initHistograms } from './init-histograms';
import { judgeInit, spreadCaption, symmetryCaption } from './init-report';
import type { SymmetryRun } from './symmetry-run';
import { distinctUnits } from './unit-symmetry';

const silent = { stream: process.stderr, log: () => {} };

test('distinctUnits counts rows (with their biases) that differ', () => {
  const same = tensor([
    [1, 2],
    [1, 2],
    [1, 2],
  ]);
  expect(distinctUnits(same)).toBe(1);
  expect(distinctUnits(same, tensor([0, 0, 1]))).toBe(2);
  expect(
    distinctUnits(
      tensor([
        [1, 2],
        [1, 2.5],
        [1, 2],
      ]),
    ),
  ).toBe(2);
});

test('layerStats measures spread and the saturated (or dead) share per activation', () => {
  const values = Float32Array.of(0, 0.01, 0.5, 0.995);
  expect(layerStats(values, 'sigmoid').saturated).toBe(0.75);
  expect(layerStats(Float32Array.of(0, 0, 1, 3), 'relu')).toMatchObject({ mean: 1, saturated: 0.5 });
  expect(layerStats(Float32Array.of(-1, 1), 'tanh').std).toBeCloseTo(1, 6);
});

test('deepActivations feeds the same random input to every initialization', () => {
  const options = { samples: 10, units: 4, layers: 2, seed: 3 };
  const a = deepActivations('xavier', 'tanh', options);
  const b = deepActivations('xavier', 'tanh', options);
  expect(a).toHaveLength(2);
  expect(a[0]).toHaveLength(40);
  expect(b[1]).toEqual(a[1]);
});

// End to end on a reduced size: the lecture's qualitative results, each with a margin.
test('init-histograms: large weights saturate, tiny ones collapse, Xavier/He keep the spread; zero init stays symmetric', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-init-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: initHistograms as never,
      size: 'quick',
      params: {
        samples: 200,
        units: 50,
        symmetryTrain: 400,
        symmetryTest: 200,
        symmetryHidden: [8, 8],
        measureEvery: 2,
      },
      seed: 0,
      outDir,
      backend: 'js',
      threads: 1,
    },
    silent,
  );
  const std = outcome.summary.last_layer_std as Record<string, number>;
  const saturated = outcome.summary.last_layer_saturated as Record<string, number>;
  expect(saturated['sigmoid/normal 1']).toBeGreaterThan(0.3);
  expect(saturated['tanh/normal 1']).toBeGreaterThan(0.5);
  expect(saturated['sigmoid/xavier']).toBeLessThan(0.05);
  expect(std['sigmoid/xavier']).toBeGreaterThan(3 * std['sigmoid/normal 0.01']);
  expect(std['tanh/xavier']).toBeGreaterThan(100 * std['tanh/normal 0.01']);
  expect(std['relu/he']).toBeGreaterThan(1000 * std['relu/normal 0.01']);
  expect(std['relu/he']).toBeGreaterThan(0.3);
  expect(std['relu/he']).toBeLessThan(3);
  const distinct = outcome.summary.distinct_units as Record<string, number[]>;
  expect(distinct.zeros).toEqual([1, 1]);
  expect(distinct.xavier).toEqual([8, 8]);
  const html = readFileSync(outcome.reportPath, 'utf8');
  // 3 activations × 4 initializations × 5 layers of histograms.
  expect(html.match(/aria-label="layer \d"/g)).toHaveLength(60);
  expect(html).toContain('stayed identical (1 distinct unit per layer)');
  expect(html).toContain('zeros init: layer-1 units&#39; weights');
});

const sigmoidCase = (init: DeepCase['init'], saturated: number, std: number): DeepCase => ({
  init,
  activation: 'sigmoid',
  layers: [],
  stats: [{ mean: 0.5, std, saturated }],
});
const symmetryOf = (distinct: number[]) =>
  ({ distinct: distinct.map((n) => [[10, n]]) }) as unknown as SymmetryRun;

test('the spread caption and verdict follow the book when N(0, 1) saturates and N(0, 0.01²) shrinks', () => {
  const cases = [
    sigmoidCase('normal 1', 0.6, 0.45),
    sigmoidCase('normal 0.01', 0, 0.005),
    sigmoidCase('xavier', 0.01, 0.2),
  ];
  expect(spreadCaption(cases)).toContain('N(0, 1) saturated more than Xavier');
  expect(spreadCaption(cases)).toContain('N(0, 0.01²) shrank the spread to 0.005');
  expect(judgeInit(cases, symmetryOf([1, 1])).isAgreeing).toBe(true);
  expect(symmetryCaption(symmetryOf([1, 1]))).toContain('the units stayed one');
});

test('the captions and verdict say so when the numbers do not show the book’s outcome', () => {
  const cases = [
    sigmoidCase('normal 1', 0, 0.2),
    sigmoidCase('normal 0.01', 0, 0.19),
    sigmoidCase('xavier', 0.01, 0.2),
  ];
  expect(spreadCaption(cases)).toContain('N(0, 1) did not saturate more than Xavier');
  expect(spreadCaption(cases)).toContain('N(0, 0.01²) kept a spread of 0.19');
  expect(judgeInit(cases, symmetryOf([1, 1])).isAgreeing).toBe(false);
  expect(symmetryCaption(symmetryOf([3, 1]))).toBe(
    'Here the symmetry broke: 3 and 1 distinct units at the end.',
  );
});
