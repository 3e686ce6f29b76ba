import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { numberField, parseReply, TorchChild } from './torch-child';

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
});
