import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI_DIR = fileURLToPath(new URL('../..', import.meta.url));
// tsx's loader by absolute URL: `--import tsx` would resolve it from the child's working directory.
const TSX_LOADER = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs'),
).href;

/** What a finished CLI process printed and its exit code. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the CLI from its TypeScript source in a child process (tsx, with the monorepo's source
 * paths, so no build is needed), as a user's shell would run `nagare <args>`.
 */
export function startNagare(args: readonly string[], cwd: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', TSX_LOADER, fileURLToPath(new URL('../bin.ts', import.meta.url)), ...args],
    {
      cwd,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: `${CLI_DIR}tsconfig.check.json`,
        NODE_OPTIONS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `nagare <args>` to completion. */
export function runNagare(args: readonly string[], cwd: string): Promise<CliResult> {
  return finished(startNagare(args, cwd));
}
