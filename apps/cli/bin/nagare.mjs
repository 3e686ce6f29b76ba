#!/usr/bin/env node
// The `nagare` command. This file is committed (dist/ is not), so pnpm can link the bin while it
// installs, before anything is built; it runs the built CLI, or says how to build it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  console.error(
    'nagare: the CLI is not built yet; from the repository root run: node scripts/pnpm.mjs turbo run build --filter=@nagare/cli...',
  );
  process.exitCode = 1;
}
