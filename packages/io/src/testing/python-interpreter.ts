import { execFile } from 'node:child_process';

/**
 * Debian's interpreter, where `apt install python3-torch` puts torch, before whatever `python3` is
 * first on PATH (often a pyenv or virtualenv Python without torch).
 */
export const PYTHON_CANDIDATES = ['/usr/bin/python3', 'python3'] as const;

/** Tries an interpreter: resolves to undefined when it can import what is needed, else to why not. */
export type TorchProbe = (python: string) => Promise<string | undefined>;

/**
 * A probe that runs `python -c 'import a, b'` for `modules` and reports the last line of its
 * error, if any.
 *
 * @example
 * await probeModules(['torch', 'onnx'])('/usr/bin/python3'); // undefined when both import
 */
export function probeModules(modules: readonly string[]): TorchProbe {
  return (python) =>
    new Promise((resolve) => {
      const script = `import ${modules.join(', ')}`;
      execFile(python, ['-c', script], { timeout: 120_000 }, (error, _stdout, stderr) => {
        if (!error) return resolve(undefined);
        const lastLine = stderr.trim().split('\n').at(-1);
        resolve(lastLine || error.message.split('\n')[0]);
      });
    });
}

/** Runs `python -c 'import torch'` and reports the last line of its error, if any. */
export const probeTorch: TorchProbe = probeModules(['torch']);

/**
 * The Python interpreter that has torch: the one named by the environment variable
 * `overrideVariable` when it is set (`NAGARE_BENCH_PYTHON` for the bench), else the first of
 * `PYTHON_CANDIDATES` the probe accepts. When none does, the reason names each one tried and why
 * it failed (the bench's n/a cells, the skip message of the PyTorch interop tests).
 *
 * @example
 * const choice = await choosePython(); // { python: '/usr/bin/python3' } or { reason: '…' }
 */
export async function choosePython(
  probe: TorchProbe = probeTorch,
  environment: Record<string, string | undefined> = process.env,
  overrideVariable = 'NAGARE_BENCH_PYTHON',
): Promise<{ python: string } | { reason: string }> {
  const override = environment[overrideVariable];
  const candidates = override ? [override] : PYTHON_CANDIDATES;
  const failures: string[] = [];
  for (const python of candidates) {
    const problem = await probe(python);
    if (problem === undefined) return { python };
    failures.push(`${python}: ${problem}`);
  }
  return { reason: `no Python with torch (${failures.join('; ')})` };
}
