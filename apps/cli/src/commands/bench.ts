import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../errors/cli-error';

/**
 * Walks up from `start` to the first directory holding `bench/package.json`; returns that `bench`
 * directory, or null.
 *
 * @example
 * await findBenchDir(process.cwd()); // '/home/me/nagare/bench' inside a clone
 */
export async function findBenchDir(start: string): Promise<string | null> {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'bench');
    if ((await stat(join(candidate, 'package.json')).catch(() => null))?.isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * `nagare bench [args...]`: runs the side-by-side benchmark suite of the nagare repository
 * (`bench/`, its `bench` script) and streams its table. Found from the working directory or from
 * where the CLI is installed; outside a repository checkout it says where to get it.
 *
 * @example
 * await benchCommand(['--quick']); // exit code of the suite
 */
export async function benchCommand(args: readonly string[]): Promise<number> {
  const here = dirname(fileURLToPath(import.meta.url));
  const benchDir = (await findBenchDir(process.cwd())) ?? (await findBenchDir(here));
  if (!benchDir) {
    throw new CliError(
      'bench',
      'the benchmark suite (bench/ of the nagare repository) is not here: run this inside a clone of the repository',
    );
  }
  const manifest = JSON.parse(await readFile(join(benchDir, 'package.json'), 'utf8'));
  if (typeof manifest.scripts?.bench !== 'string') {
    throw new CliError(join(benchDir, 'package.json'), 'has no "bench" script to run');
  }
  // npm ships with Node, so this works where pnpm is not installed; it puts bench's own
  // node_modules/.bin on the PATH exactly as pnpm would.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawn(npm, ['run', '--silent', 'bench', '--', ...args], { cwd: benchDir, stdio: 'inherit' });
  return new Promise((resolveExit, reject) => {
    child.on('error', (error) => reject(new CliError('bench', `could not start npm (${error.message})`)));
    child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0)));
  });
}
