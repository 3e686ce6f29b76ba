import { memory } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { runBench } from './run-bench';
import { LIBS } from './types';

// Tiny budgets: these tests check what the runner records, never how fast anything is.
const TINY = { budgetMs: 5, minSamples: 1, maxSamples: 2, sampleMs: 1 };

describe('runBench', () => {
  test('writes one JSON row { suite, case, lib, threads, value, unit } per column of the dispatch case', async () => {
    const report = await runBench({ suites: ['dispatch'], timing: TINY });
    const rows = JSON.parse(JSON.stringify(report.rows));
    expect(rows.map((row: { lib: string; threads: number }) => `${row.lib} ×${row.threads}`)).toEqual(
      report.columns.map((column) => `${column.lib} ×${column.threads}`),
    );
    expect(report.columns.map((column) => column.lib)).toEqual([
      'nagare-js',
      'nagare-wasm',
      'nagare-wasm',
      'tfjs-wasm',
      'tfjs-cpu',
      'onnxruntime',
      'pytorch',
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ suite: 'dispatch', case: 'add 10', unit: 'µs/op' });
      expect(LIBS).toContain(row.lib);
      expect(Number.isInteger(row.threads) && row.threads >= 1).toBe(true);
      if (row.value === null) {
        expect(Object.keys(row).sort()).toEqual(['case', 'lib', 'note', 'suite', 'threads', 'unit', 'value']);
        expect(row.note.length).toBeGreaterThan(0);
      } else {
        expect(Object.keys(row).sort()).toEqual(['case', 'lib', 'suite', 'threads', 'unit', 'value']);
        expect(row.value).toBeGreaterThan(0);
      }
    }
    // The reference backend and the peers that need no extra setup always run.
    for (const lib of ['nagare-js', 'tfjs-cpu', 'onnxruntime']) {
      expect(rows.find((row: { lib: string }) => row.lib === lib).value).toBeGreaterThan(0);
    }
  });

  test('records a case a library cannot run as value null with the reason', async () => {
    const report = await runBench({
      suites: ['train'],
      cases: ['mlp 784-256-128-10'],
      libs: ['onnxruntime'],
      timing: TINY,
    });
    expect(report.rows).toEqual([
      {
        suite: 'train',
        case: 'mlp 784-256-128-10',
        lib: 'onnxruntime',
        threads: 1,
        value: null,
        unit: 'samples/s',
        note: 'onnxruntime-node runs inference only: it has no training',
      },
    ]);
  });

  test("runs the small suite's hand-written loop and fit on nagare-js and frees every tensor they made", async () => {
    const before = memory().tensors;
    const report = await runBench({ suites: ['small'], libs: ['nagare-js'], timing: TINY });
    expect(report.rows.map(({ case: name, unit, note }) => ({ name, unit, note }))).toEqual([
      { name: 'mlp 2-64-64-2 loop', unit: 'ms/step', note: undefined },
      { name: 'mlp 2-64-64-2 fit', unit: 'ms/step', note: undefined },
    ]);
    for (const row of report.rows) expect(row.value).toBeGreaterThan(0);
    expect(memory().tensors).toBe(before);
  });

  test('trains the MNIST MLP on nagare-js and frees every tensor it made', async () => {
    const before = memory().tensors;
    const report = await runBench({
      suites: ['train'],
      cases: ['mlp 784-256-128-10'],
      libs: ['nagare-js'],
      timing: TINY,
    });
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0].note).toBeUndefined();
    expect(report.rows[0].value).toBeGreaterThan(0);
    expect(memory().tensors).toBe(before);
  });
});
