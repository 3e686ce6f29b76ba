#!/usr/bin/env node
// `pnpm conformance --dir <cases> [--backend js|wasm] [--json out.json] [--filter s] [--floor f]`:
// runs the ONNX conformance runner (apps/conformance), building it and the packages it uses first
// when it has not been built yet (a fresh clone). Relative paths are taken from where pnpm was run
// (the repo root for `pnpm conformance`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runPnpm } from './pnpm.mjs';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'apps', 'conformance', 'dist', 'cli.js');

if (!existsSync(cli)) {
  console.log('conformance: building the runner and the packages it uses (once)');
  const code = runPnpm(['turbo', 'run', 'build', '--filter=@nagare/conformance...']);
  if (code !== 0) process.exit(code);
}
// The runner resolves relative paths against INIT_CWD, which pnpm sets to where it was run.
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
