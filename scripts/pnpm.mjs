#!/usr/bin/env node
// Runs the pinned pnpm (from package.json "packageManager") on a machine that has only Node and npm.
// A globally installed pnpm of the same version is used when present; otherwise npx fetches it
// from the npm registry once (it is a plain JS package: no binary download).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The pnpm version pinned in the root package.json. */
export function pinnedPnpmVersion() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return manifest.packageManager.replace(/^pnpm@/, '');
}

/** The command and leading arguments that run the pinned pnpm: `['pnpm', []]` or `['npx', [...]]`. */
export function pnpmCommand() {
  const version = pinnedPnpmVersion();
  const installed = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  const useGlobal = installed.status === 0 && installed.stdout.trim() === version;
  return useGlobal ? ['pnpm', []] : ['npx', ['--yes', `pnpm@${version}`]];
}

/** Runs pnpm with `args` in the repo root; returns the exit code. */
export function runPnpm(args, options = {}) {
  const [command, prefix] = pnpmCommand();
  const result = spawnSync(command, [...prefix, ...args], { stdio: 'inherit', cwd: root, ...options });
  return result.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(runPnpm(process.argv.slice(2)));
}
