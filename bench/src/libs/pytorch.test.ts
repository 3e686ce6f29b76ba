import { describe, expect, test } from 'vitest';
import { selectCases } from '../cases';
import type { Contender } from '../types';
import { choosePython } from './python-interpreter';
import { createPytorch } from './pytorch';

// The real child needs a Python with torch; without one the suite is skipped and says why.
const choice = await choosePython();
const skipReason = 'reason' in choice ? ` (skipped: ${choice.reason})` : '';

describe.skipIf('reason' in choice)(
  `pytorch child on ${'python' in choice ? choice.python : 'no Python'}${skipReason}`,
  () => {
    test('reports its torch version and thread, and trains the small MLP and the MNIST LeNet-5', async () => {
      const [entry] = await createPytorch([1]);
      expect('reason' in entry ? entry.reason : undefined).toBeUndefined();
      const pytorch = entry as Contender;
      try {
        expect(pytorch.threads).toBe(1);
        expect(pytorch.description).toMatch(/^pytorch: torch \d+\.\d+/);
        const [loop, fit] = selectCases(['small']);
        const [, cnn] = selectCases(['train']);
        for (const spec of [loop, cnn]) {
          const prepared = await pytorch.prepare(spec);
          expect(await prepared.runTimed?.(2)).toBeGreaterThan(0);
          prepared.dispose();
        }
        await expect(pytorch.prepare(fit)).rejects.toThrow(/no fit\(\)/);
      } finally {
        await pytorch.destroy();
      }
    });
  },
);
