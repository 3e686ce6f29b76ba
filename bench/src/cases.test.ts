import { describe, expect, test } from 'vitest';
import { ALL_CASES, selectCases, toUnitValue, unitOf } from './cases';

describe('cases', () => {
  test('are exactly the sizes issues 5 and 16 list, suite by suite', () => {
    expect(ALL_CASES.map((spec) => `${spec.suite} ${spec.name}`)).toEqual([
      'matmul 128',
      'matmul 256',
      'matmul 512',
      'matmul 1024',
      'conv 64x1x28x28→32',
      'conv 32x64x32x32→64',
      'elementwise add 1e6',
      'elementwise relu 1e6',
      'elementwise exp 1e6',
      'elementwise sum 1e6',
      'dispatch add 10',
      'train mlp 784-256-128-10',
      'train lenet5 cnn',
      'small mlp 2-64-64-2 loop',
      'small mlp 2-64-64-2 fit',
    ]);
    for (const spec of ALL_CASES) if (spec.suite === 'train') expect(spec.batchSize).toBe(64);
    for (const spec of ALL_CASES) if (spec.suite === 'small') expect(spec.batchSize).toBe(32);
  });

  test('selectCases filters by suite and by case name', () => {
    expect(selectCases([]).length).toBe(ALL_CASES.length);
    expect(selectCases(['matmul', 'dispatch']).map((spec) => spec.name)).toEqual([
      '128',
      '256',
      '512',
      '1024',
      'add 10',
    ]);
    expect(selectCases(['matmul'], ['1024', 'add 10']).map((spec) => spec.name)).toEqual(['1024']);
  });

  test('toUnitValue converts seconds per run into each suite unit', () => {
    const [matmul1024] = selectCases(['matmul'], ['1024']);
    expect(toUnitValue(matmul1024, 1)).toBeCloseTo((2 * 1024 ** 3) / 1e9, 9); // GFLOP/s
    const [conv] = selectCases(['conv'], ['32x64x32x32→64']);
    expect(toUnitValue(conv, 2)).toBeCloseTo((2 * 32 * 64 * 32 * 32 * 64 * 9) / 2 / 1e9, 9);
    const [add] = selectCases(['elementwise'], ['add 1e6']);
    expect(toUnitValue(add, 1e-3)).toBeCloseTo(1000, 9); // Melem/s
    const [dispatch] = selectCases(['dispatch']);
    expect(toUnitValue(dispatch, 2e-6)).toBeCloseTo(2, 12); // µs/op
    const [mlp] = selectCases(['train']);
    expect(toUnitValue(mlp, 0.032)).toBeCloseTo(2000, 9); // samples/s at batch 64
    expect(ALL_CASES.map(unitOf)).toContain('samples/s');
    const [loop, fit] = selectCases(['small']);
    expect(toUnitValue(loop, 0.002)).toBeCloseTo(2, 12); // ms per step
    // One fit run is an epoch of `batches` steps.
    expect(fit.suite === 'small' && fit.loop).toBe('fit');
    expect(toUnitValue(fit, 0.064)).toBeCloseTo(64 / (fit.suite === 'small' ? fit.batches : 1), 12);
  });
});
