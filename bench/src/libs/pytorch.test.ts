import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { choosePython } from '@nagare/io/testing';
import { describe, expect, test } from 'vitest';
import { selectCases } from '../cases';
import type { Contender } from '../types';
import { createPytorch, describeBlas, preparePytorchCase } from './pytorch';
import { TorchChild, type TorchReply, type TorchRequest } from './torch-child';

const FAKE_CHILD = fileURLToPath(new URL('./__fixtures__/fake-torch-child.mjs', import.meta.url));

/** The fake child (Node speaking the protocol), so these tests need no Python or torch. */
function startFake(): TorchChild {
  return TorchChild.start(process.execPath, [FAKE_CHILD, '1'], process.env);
}

describe('preparePytorchCase with a fake child', () => {
  test("a prepared case reports the child's time of its runs in ms", async () => {
    const child = startFake();
    try {
      const prepared = await preparePytorchCase(child, selectCases(['dispatch'])[0]);
      expect(await prepared.runTimed?.(8)).toBeCloseTo(2, 12); // 8 runs × 0.25 ms
      expect(await prepared.run()).toBeCloseTo(0.25, 12);
      prepared.dispose();
    } finally {
      await child.close();
    }
  });

  test('a training case sends its batches through a temporary file, deleted once prepared', async () => {
    const child = startFake();
    const sent: { path?: string; reply?: TorchReply } = {};
    const recording = {
      request: async (message: TorchRequest) => {
        const reply = await child.request(message);
        if (message.op === 'prepare') Object.assign(sent, { path: message.data?.path, reply });
        return reply;
      },
    };
    try {
      const [loop] = selectCases(['small']);
      (await preparePytorchCase(recording, loop)).dispose();
      // The fake echoes what it read: 32 batches × 32 points × (2 float32 + 1 int32).
      expect(sent.reply?.bytes).toBe(32 * 32 * 3 * 4);
      expect(sent.reply?.arrays).toEqual([
        { name: 'points', dtype: 'float32', shape: [32, 32, 2] },
        { name: 'labels', dtype: 'int32', shape: [32, 32] },
      ]);
      expect(existsSync(sent.path ?? '')).toBe(false);
    } finally {
      await child.close();
    }
  });
});

describe('describeBlas', () => {
  test('names the loaded OpenBLAS with BLAS_INFO, and warns about any other BLAS or none', () => {
    const openblas = '/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so';
    expect(describeBlas(openblas, 'generic')).toBe('BLAS libopenblasp-r0.3.21.so (BLAS_INFO=generic)');
    expect(describeBlas('/usr/lib/x86_64-linux-gnu/blas/libblas.so.3', 'generic')).toMatch(
      /^BLAS libblas\.so\.3 \(BLAS_INFO=generic\), not OpenBLAS: .*install libopenblas0-pthread$/,
    );
    expect(describeBlas(null, 'generic')).toMatch(/^no BLAS library loaded .*libopenblas0-pthread$/);
  });
});

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
