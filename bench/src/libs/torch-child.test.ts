import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { selectCases } from '../cases';
import { preparePytorchCase } from './pytorch';
import { numberField, parseReply, TorchChild, type TorchReply, type TorchRequest } from './torch-child';

const FAKE_CHILD = fileURLToPath(new URL('./__fixtures__/fake-torch-child.mjs', import.meta.url));

/** The fake child (Node speaking the protocol), so these tests need no Python or torch. */
function startFake(): TorchChild {
  return TorchChild.start(process.execPath, [FAKE_CHILD, '1'], process.env);
}

describe('parseReply', () => {
  test('gives the fields of an ok reply', () => {
    expect(parseReply('{"ok": true, "seconds": 0.5}')).toEqual({ ok: true, seconds: 0.5 });
  });

  test('throws the error of a failed reply, which becomes the n/a reason', () => {
    expect(() => parseReply('{"ok": false, "error": "ValueError: no fit"}')).toThrow('ValueError: no fit');
  });

  test.each([['not json'], ['[1, 2]'], ['{"seconds": 1}']])('rejects the malformed reply %j', (line) => {
    expect(() => parseReply(line)).toThrow(/pytorch child/);
  });

  test('numberField names a missing or non-numeric field', () => {
    expect(numberField({ ok: true, seconds: 2 }, 'seconds')).toBe(2);
    expect(() => numberField({ ok: true, seconds: 'x' }, 'seconds')).toThrow(/no number "seconds"/);
  });
});

describe('TorchChild with a fake child', () => {
  test('matches replies to requests in order and reports errors per request', async () => {
    const child = startFake();
    try {
      const [hello, bad, prepared] = await Promise.all([
        child.request({ op: 'hello' }),
        child.request({ op: 'run', case: 99, count: 1 }).catch((error: Error) => error.message),
        child.request({ op: 'prepare', spec: { suite: 'dispatch' } }),
      ]);
      expect(hello.torch).toBe('0.0-fake');
      expect(bad).toBe('KeyError: 99');
      expect(prepared.case).toBe(1);
    } finally {
      await child.close();
    }
  });

  test('rejects pending and later requests with the exit status once the child dies', async () => {
    const child = startFake();
    await expect(child.request({ op: 'prepare', spec: { suite: 'crash' } })).rejects.toThrow(
      /pytorch child exited \(code 3\)/,
    );
    await expect(child.request({ op: 'hello' })).rejects.toThrow(/exited/);
  });

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
