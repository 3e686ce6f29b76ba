import { execFile } from 'node:child_process';

/**
 * Debian's interpreter, where `apt install python3-torch` puts torch, before whatever `python3` is
 * first on PATH (often a pyenv or virtualenv Python without torch).
 */
export const PYTHON_CANDIDATES = ['/usr/bin/python3', 'python3'] as const;

/** Tries an interpreter: resolves to undefined when `import torch` works in it, else to why not. */
export type TorchProbe = (python: string) => Promise<string | undefined>;

/** Runs `python -c 'import torch'` and reports the last line of its error, if any. */
export const probeTorch: TorchProbe = (python) =>
  new Promise((resolve) => {
    execFile(python, ['-c', 'import torch'], { timeout: 120_000 }, (error, _stdout, stderr) => {
      if (!error) return resolve(undefined);
      const lastLine = stderr.trim().split('\n').at(-1);
      resolve(lastLine || error.message.split('\n')[0]);
    });
  });

/**
 * The Python interpreter that runs the PyTorch bench: `NAGARE_BENCH_PYTHON` when it is set, else
 * the first of `PYTHON_CANDIDATES` that can import torch. When none can, the reason names each one
 * tried and why it failed, for the pytorch column's n/a cells.
 *
 * @example
 * const choice = await choosePython(); // { python: '/usr/bin/python3' } or { reason: '…' }
 */
export async function choosePython(
  probe: TorchProbe = probeTorch,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<{ python: string } | { reason: string }> {
  const override = environment.NAGARE_BENCH_PYTHON;
  const candidates = override ? [override] : PYTHON_CANDIDATES;
  const failures: string[] = [];
  for (const python of candidates) {
    const problem = await probe(python);
    if (problem === undefined) return { python };
    failures.push(`${python}: ${problem}`);
  }
  return { reason: `no Python with torch (${failures.join('; ')})` };
}
