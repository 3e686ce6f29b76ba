import '@nagare/autograd';
import { type Backend, createJsBackend } from '@nagare/tensor';
import { asyncOnlyBackend, corruptKernel, testBackends } from '@nagare/tensor/testing';
import { describe, expect, test } from 'vitest';
import * as optimizers from '../index';
import { Optimizer } from '../optimizer';
import { OPTIMIZER_CASES } from './optimizer-cases';
import { runOptimizerSuite } from './run-optimizer-suite';

describe('runOptimizerSuite', () => {
  test('has a case for every optimizer class @nagare/optimizers exports', () => {
    const classes = Object.entries(optimizers)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Optimizer)
      .map(([name]) => name);
    const covered = new Set(OPTIMIZER_CASES.map((c) => c.optimizer));
    expect(classes.filter((name) => !covered.has(name))).toEqual([]);
  });

  const backends: Promise<Backend[]> = testBackends();
  test('matches the js backend for every case on each test backend and on it with async-only reads', async () => {
    for (const backend of await backends) {
      for (const candidate of [backend, asyncOnlyBackend(backend)]) {
        const report = await runOptimizerSuite(candidate);
        expect(report.results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.message}`)).toEqual([]);
        expect(report.total).toBe(OPTIMIZER_CASES.length);
      }
    }
  }, 120_000);

  test('reports the optimizer whose fused update kernel is wrong', async () => {
    const report = await runOptimizerSuite(asyncOnlyBackend(corruptKernel(createJsBackend(), 'adamUpdate')));
    const failed = new Set(report.results.filter((r) => !r.passed).map((r) => r.subject));
    expect(failed.has('Adam')).toBe(true);
    expect(failed.has('Lion')).toBe(false);
  });
});
