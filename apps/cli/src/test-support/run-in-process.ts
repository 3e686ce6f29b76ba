import { runCli } from '../run-cli';
import type { CliResult } from './run-nagare';

/** Runs the CLI in this process with captured output: the code path of `bin.ts`, minus the process. */
export async function runInProcess(args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    progressStream: process.stderr,
  });
  return { code, stdout, stderr };
}
