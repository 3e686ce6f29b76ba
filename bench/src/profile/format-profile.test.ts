import { expect, test } from 'vitest';
import { formatProfile } from './format-profile';
import type { StepProfile } from './profile-step';

const profile: StepProfile = {
  model: 'mlp',
  title: 'MLP',
  threads: 2,
  simd: 'relaxed',
  steps: 10,
  plainStepMs: 2,
  stepMs: 2.5,
  phases: {
    forward: { wallMs: 1, kernelMs: 0.7, allocationMs: 0.1 },
    backward: { wallMs: 1.2, kernelMs: 0.9, allocationMs: 0.1 },
    optimizer: { wallMs: 0.3, kernelMs: 0.25, allocationMs: 0 },
  },
  kernels: [
    ['matmul', { calls: 8, ms: 1.5, waitMs: 0.3, workerMs: 1.2 }],
    ['adamUpdate', { calls: 6, ms: 0.3, waitMs: 0.05, workerMs: 0.2 }],
    ['add', { calls: 4, ms: 0.05, waitMs: 0, workerMs: 0 }],
  ],
  mainBusyMs: 1.5,
  waitMs: 0.35,
  workerBusyMs: [1.4],
  parallelRuns: 6,
};

test('a profile prints its step time, the time outside kernels per phase, op kinds and threads', () => {
  const text = formatProfile(profile, 64);
  expect(text).toContain('nagare-wasm ×2, relaxed SIMD');
  expect(text).toContain('32,000 samples/s'); // 64 samples in 2 ms
  expect(text).toMatch(/\| in kernels \| 1\.85 \| 74\.0% \|/);
  expect(text).toMatch(/outside kernels, backward [^|]*\| 0\.200 \| 8\.0% \|/);
  expect(text).toMatch(/\| matmul \| 8 \| 1\.50 \| 60\.0% \| 0\.300 \| 1\.20 \|/);
  expect(text).toMatch(/\| worker 1, running kernel pieces \| 1\.40 \| 56\.0% \|/);
  expect(text).toMatch(/\| calling thread, waiting for workers \| 0\.350 \| 14\.0% \|/);
});
