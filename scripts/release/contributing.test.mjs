// CONTRIBUTING.md is a map of the repository (issue 21): every path it names must exist, so a
// moved folder or file fails here instead of sending a newcomer nowhere.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { root } from './workspace.mjs';

const PATH = /^(\.\.\/shared\/|\.changeset\/|packages\/|apps\/|scripts\/|bench\/)[\w./*-]*$/;

/** The repository paths `markdown` names: code spans and link targets that are nothing but a path. */
function namedPaths(markdown) {
  const candidates = [
    ...[...markdown.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]),
    ...[...markdown.matchAll(/\]\(([^)\s#]+)\)/g)].map((match) => match[1]),
  ];
  return [...new Set(candidates.filter((candidate) => PATH.test(candidate)))];
}

/** Whether `path` exists under `root`; a `*` in the last segment needs at least one match. */
function exists(path) {
  if (!basename(path).includes('*')) return existsSync(join(root, path));
  const dir = join(root, dirname(path));
  const pattern = new RegExp(`^${basename(path).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
  return existsSync(dir) && readdirSync(dir).some((name) => pattern.test(name));
}

test('namedPaths takes code spans and links that are paths, not commands or prose', () => {
  const markdown =
    'See `packages/tensor/src/ops/` and [the guide](apps/docs/README.md), run `npx vitest run`, ' +
    'tests in `scripts/release/*.test.mjs`, style in [STYLE](../shared/STYLE.md), `exp.ts` beside.';
  assert.deepEqual(namedPaths(markdown), [
    'packages/tensor/src/ops/',
    'scripts/release/*.test.mjs',
    'apps/docs/README.md',
    '../shared/STYLE.md',
  ]);
});

test('every path CONTRIBUTING.md names exists, and the README links it', () => {
  const paths = namedPaths(readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8'));
  assert.ok(paths.length >= 20, `expected the map to name many paths, found ${paths.length}`);
  assert.deepEqual(
    paths.filter((path) => !exists(path)),
    [],
    'CONTRIBUTING.md names paths that do not exist',
  );
  assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /\]\(CONTRIBUTING\.md\)/);
});
