import { describe, expect, test } from 'vitest';
import { choosePython, PYTHON_CANDIDATES, type TorchProbe } from './python-interpreter';
import { pythonForTorchTests } from './torch-tests';

/** A probe where only the listed interpreters have torch; it records what it was asked. */
function fakeProbe(withTorch: readonly string[], asked: string[]): TorchProbe {
  return async (python) => {
    asked.push(python);
    return withTorch.includes(python) ? undefined : "ModuleNotFoundError: No module named 'torch'";
  };
}

describe('choosePython', () => {
  test("prefers Debian's /usr/bin/python3 when it has torch", async () => {
    const asked: string[] = [];
    expect(await choosePython(fakeProbe(['/usr/bin/python3', 'python3'], asked), {})).toEqual({
      python: '/usr/bin/python3',
    });
    expect(asked).toEqual(['/usr/bin/python3']);
  });

  test('falls back to python3 on PATH when only it has torch', async () => {
    expect(await choosePython(fakeProbe(['python3'], []), {})).toEqual({ python: 'python3' });
  });

  test('gives a reason naming every interpreter tried when none has torch', async () => {
    const choice = await choosePython(fakeProbe([], []), {});
    const missing = "ModuleNotFoundError: No module named 'torch'";
    expect(choice).toEqual({
      reason: `no Python with torch (${PYTHON_CANDIDATES.map((python) => `${python}: ${missing}`).join('; ')})`,
    });
  });

  test('uses only NAGARE_BENCH_PYTHON when it is set', async () => {
    const asked: string[] = [];
    const environment = { NAGARE_BENCH_PYTHON: '/opt/torch/bin/python' };
    expect(await choosePython(fakeProbe(['/opt/torch/bin/python'], asked), environment)).toEqual({
      python: '/opt/torch/bin/python',
    });
    expect(asked).toEqual(['/opt/torch/bin/python']);
  });
});

describe('pythonForTorchTests', () => {
  const nowhere = { NAGARE_PYTHON: '/nonexistent/bin/python3' };

  test('returns null outside CI when no interpreter has the modules', async () => {
    expect(await pythonForTorchTests(['torch'], nowhere)).toBeNull();
  });

  test('throws in CI, where the PyTorch interop tests must run', async () => {
    await expect(pythonForTorchTests(['torch'], { ...nowhere, CI: 'true' })).rejects.toThrow(
      /no Python with torch .*\/nonexistent\/bin\/python3/,
    );
  });
});
