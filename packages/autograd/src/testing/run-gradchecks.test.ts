import { type Backend, createJsBackend } from '@nagare/tensor';
import { asyncOnlyBackend, corruptKernel, testBackends } from '@nagare/tensor/testing';
import { describe, expect, test } from 'vitest';
import '../index';
import { isNonDifferentiable } from '../grad-rule';
import { gradRules } from '../rules';
import { GRADCHECK_CASES } from './gradcheck-cases';
import { runGradchecks } from './run-gradchecks';

const failures = (report: Awaited<ReturnType<typeof runGradchecks>>) =>
  report.results.filter((result) => !result.passed).map((result) => `${result.name}: ${result.message}`);

describe('runGradchecks', () => {
  test('has a float32 case for every differentiable op of the registry', () => {
    const differentiable = Object.entries(gradRules)
      .filter(([, rule]) => !isNonDifferentiable(rule))
      .map(([op]) => op);
    const covered = new Set(GRADCHECK_CASES.map((c) => c.op));
    expect(differentiable.filter((op) => !covered.has(op))).toEqual([]);
  });

  const backends: Promise<Backend[]> = testBackends();
  test('passes every case on each test backend and on it with async-only reads', async () => {
    for (const backend of await backends) {
      for (const candidate of [backend, asyncOnlyBackend(backend)]) {
        const report = await runGradchecks(candidate);
        expect(failures(report)).toEqual([]);
        expect(report.total).toBe(GRADCHECK_CASES.length);
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      }
    }
  }, 120_000);

  test('reports a failure, naming the op, when one backend kernel is wrong', async () => {
    const broken = asyncOnlyBackend(corruptKernel(createJsBackend(), 'exp'));
    const report = await runGradchecks(broken);
    const failed = report.results.filter((result) => !result.passed).map((result) => result.subject);
    expect(failed).toContain('exp');
    expect(report.failed).toBeGreaterThan(0);
  });
});
