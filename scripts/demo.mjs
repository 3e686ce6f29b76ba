#!/usr/bin/env node
// `npm run demo`: installs the dependencies, builds the CLI and the packages it imports (not the
// docs site), then trains mnist-mlp. The install and build logs are kept out of the terminal so
// that what a newcomer reads is nagare's own output; a failing step prints its whole log.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpmCommand } from './pnpm.mjs';

const root = join(import.meta.dirname, '..');

/** The pnpm argument lists of the demo's setup: install, then build the CLI and its dependencies. */
export const SETUP_STEPS = [
  { name: 'install', args: ['install', '--reporter=append-only'] },
  {
    name: 'build',
    // `...` after the filter adds the CLI's workspace dependencies; the docs site is not one.
    args: ['turbo', 'run', 'build', '--filter=@nagare/cli...', '--output-logs=errors-only'],
  },
];

/** Runs one setup step with its output captured; on failure prints it and returns false. */
function runQuietly({ name, args }) {
  const [command, prefix] = pnpmCommand();
  const result = spawnSync(command, [...prefix, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status === 0) return true;
  process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  console.error(`nagare demo: the ${name} step failed (node scripts/pnpm.mjs ${args.join(' ')})`);
  return false;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('nagare demo: installing and building the CLI (a minute or two the first time)…');
  if (!SETUP_STEPS.every(runQuietly)) process.exit(1);
  const cli = join(root, 'apps/cli/bin/nagare.mjs');
  const train = spawnSync(process.execPath, [cli, 'train', 'mnist-mlp', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(train.status ?? 1);
}
