import { execFile } from 'node:child_process';
import { choosePython, probeModules } from './python-interpreter';

/**
 * The Python interpreter for tests that compare nagare with PyTorch, or null when they must skip.
 * `NAGARE_PYTHON` overrides the search. In CI (`CI=true`) these tests must run, so a missing torch
 * (or another module in `modules`) throws and fails the suite; elsewhere the reason is printed and
 * null returned, for `describe.skipIf(python === null)`.
 *
 * @example
 * const python = await pythonForTorchTests(['torch', 'onnx']);
 * describe.skipIf(python === null)('onnx from pytorch', () => { ... });
 */
export async function pythonForTorchTests(
  modules: readonly string[] = ['torch'],
  environment: Record<string, string | undefined> = process.env,
): Promise<string | null> {
  const choice = await choosePython(probeModules(modules), environment, 'NAGARE_PYTHON');
  if ('python' in choice) return choice.python;
  const reason = choice.reason.replace('no Python with torch', `no Python with ${modules.join(' and ')}`);
  if (environment.CI === 'true') {
    throw new Error(
      `${reason}: CI runs the PyTorch interop tests; install python3-torch python3-onnx libopenblas0-pthread`,
    );
  }
  console.log(`skipping the PyTorch interop tests: ${reason}`);
  return null;
}

/**
 * Runs `python` with `args` (a script path and its arguments) and resolves to its stdout; rejects
 * with an Error carrying its stderr when it fails, so a failing test shows the Python traceback.
 *
 * @example
 * const out = await runPython('/usr/bin/python3', ['-c', 'print(1)']); // '1\n'
 */
export function runPython(
  python: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number; env?: Record<string, string | undefined> } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      python,
      [...args],
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 300_000,
        maxBuffer: 64 * 1024 * 1024,
        env: options.env ?? process.env,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${python} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}
