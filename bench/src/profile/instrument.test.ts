import { add, createJsBackend, getBackend, matmul, ones, tidy, useBackend } from '@nagare/tensor';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BackendInstrument } from './instrument';

const backend = createJsBackend();
const previous = getBackend();
beforeAll(() => useBackend(backend));
afterAll(() => useBackend(previous));

test('the instrument counts kernel calls per op and books them under the running phase', () => {
  const instrument = new BackendInstrument(backend);
  try {
    instrument.time('forward', () => tidy(() => add(matmul(ones([4, 4]), ones([4, 4])), 1)));
    instrument.time('backward', () => tidy(() => add(ones([2]), ones([2]))));
    expect(instrument.kernels.get('matmul')?.calls).toBe(1);
    expect(instrument.kernels.get('add')?.calls).toBe(2);
    const forward = instrument.phases.get('forward')!;
    expect(forward.wallMs).toBeGreaterThanOrEqual(forward.kernelMs + forward.allocationMs);
    expect(instrument.phases.get('optimizer')?.wallMs).toBe(0);
    instrument.reset();
    expect(instrument.kernels.size).toBe(0);
  } finally {
    instrument.restore();
  }
  tidy(() => add(ones([2]), ones([2])));
  expect(instrument.kernels.size).toBe(0); // restored: nothing is counted any more
});
