// The markdown's commands work with only Node and npm (issue 18): no bare `pnpm` command anywhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barePnpmCommands, barePnpmCommandsIn, markdownFiles } from './docs-commands.mjs';
import { root } from './workspace.mjs';

test('barePnpmCommands finds pnpm commands in code spans and blocks, not in prose or pnpm.mjs', () => {
  const markdown = [
    'Run `pnpm install` first; the pinned pnpm is fetched by npx.',
    '```sh',
    'npm ci && pnpm turbo run build   # builds',
    '$ pnpm --filter docs preview',
    'node scripts/pnpm.mjs install && npm run docs',
    'echo "# pnpm nagare is not a command here"',
    '```',
    'Then `node scripts/pnpm.mjs --filter docs build` or `npx pnpm@10 install`.',
  ].join('\n');
  assert.deepEqual(barePnpmCommands(markdown), [
    { line: 1, command: 'pnpm install' },
    { line: 3, command: 'pnpm turbo run build' },
    { line: 4, command: 'pnpm --filter docs preview' },
  ]);
});

test('the repository markdown names no bare pnpm command (use node scripts/pnpm.mjs or npm run)', () => {
  const files = markdownFiles(root).map((file) => file.slice(root.length + 1));
  assert.ok(files.includes('README.md') && files.includes('apps/docs/src/guide/cli.md'), 'scans the docs');
  assert.deepEqual(barePnpmCommandsIn(root), []);
});
