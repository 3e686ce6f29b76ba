// A fresh clone installs without warnings (issue 18): no bin linked to a file the build makes
// later, and every dependency's install script explicitly allowed or denied.
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { allowBuildsNames, packagesWithInstallScripts, unbuiltBins } from './install-quiet.mjs';
import { root } from './workspace.mjs';

const WORKSPACE_DIRS = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(root, group))
    .map((name) => join(root, group, name))
    .filter((dir) => existsSync(join(dir, 'package.json'))),
);

test('unbuiltBins flags a bin pointing into dist/ or at a missing file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nagare-bins-'));
  try {
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'ok.mjs'), '');
    const bin = { ok: './bin/ok.mjs', built: './dist/cli.js', gone: './bin/no.mjs' };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', bin, dependencies: { x: '*' } }));
    assert.deepEqual(unbuiltBins([dir]), ['x: built -> ./dist/cli.js', 'x: gone -> ./bin/no.mjs']);
    // Nothing depends on it: pnpm links none of its bins, so none can fail.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', bin }));
    assert.deepEqual(unbuiltBins([dir]), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every workspace bin that pnpm links points at a committed file, not at the build output', () => {
  assert.ok(
    WORKSPACE_DIRS.some((dir) => dir.endsWith('cli')),
    'finds apps/cli',
  );
  assert.deepEqual(unbuiltBins(WORKSPACE_DIRS), []);
});

test('every installed dependency with an install script is allowed or denied in allowBuilds', () => {
  const listed = allowBuildsNames(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8'));
  assert.deepEqual(allowBuildsNames('packages:\n  - a\nallowBuilds:\n  esbuild: true\n  "x-y": false\n'), [
    'esbuild',
    'x-y',
  ]);
  const unlisted = packagesWithInstallScripts(join(root, 'node_modules')).filter(
    (name) => !listed.includes(name),
  );
  assert.deepEqual(unlisted, [], 'pnpm prints an "Ignored build scripts" box for these');
});
