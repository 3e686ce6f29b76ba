// Tests of the runtime matrix's own logic (node:test, run first by release-check.mjs), and the
// check that the matrix shown in the README and the docs is the generated one, not hand-written.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CELLS, COLUMN_IDS, cellCommand, cellResult } from './runtimes/cells.mjs';
import { pinnedRuntimes, supportedEngines } from './runtimes/install-runtimes.mjs';
import { startLocalRegistry } from './runtimes/local-registry.mjs';
import {
  formatMatrix,
  HEADER,
  MATRIX_FILE,
  parseMatrix,
  README,
  readmeBlock,
} from './runtimes/matrix-table.mjs';
import { publishablePackages, root } from './workspace.mjs';

const passing = (note = 'ok') => ({ status: 'pass', note });
const allPass = () => Object.fromEntries(COLUMN_IDS.map((id) => [id, passing()]));

test('formatMatrix writes one row per runtime, a symbol per cell and a numbered note per problem', () => {
  const bun = allPass();
  bun.wasm1 = passing('wasm (relaxed, 1 thread): loss 0.70 → 0.50, matches js');
  bun.wasm2 = { status: 'unsupported', reason: 'no worker_threads' };
  bun.cli = { status: 'fail', error: 'TypeError: x is not a function at <anonymous> {{ y }}' };
  const markdown = formatMatrix({
    date: '2026-12-07',
    commit: 'abc1234',
    runtimes: [
      { label: 'Node 20', version: '20.20.2', cells: allPass() },
      { label: 'Bun', version: '1.4.5', cells: bun },
    ],
  });
  assert.match(markdown, /commit `abc1234` on 2026-12-07/);
  const { header, rows } = parseMatrix(markdown);
  assert.deepEqual(header, HEADER);
  assert.deepEqual(rows[0].cells, [...COLUMN_IDS.map(() => '✅'), '–']);
  assert.deepEqual(rows[1].cells.slice(-4), ['➖ (1)', '✅', '❌ (2)', 'relaxed']);
  assert.match(markdown, /\n1\. Bun, train, wasm 2 threads — unsupported: no worker_threads\n/);
  assert.match(
    markdown,
    /\n2\. Bun, CLI — fails: TypeError: x is not a function at &lt;anonymous&gt; &#123;&#123; y &#125;&#125;$/,
  );
});

test('cellResult keeps the last line of a passing program and the first error line of a failing one', () => {
  assert.deepEqual(cellResult({ status: 0, output: 'warming up\nimport: 10 entry points\n' }), {
    status: 'pass',
    note: 'import: 10 entry points',
  });
  const failed = cellResult({ status: 1, output: 'file:///a.mjs:3\nTypeError: boom\n    at main (a.mjs:3)' });
  assert.equal(failed.status, 'fail');
  assert.equal(failed.error, 'TypeError: boom');
});

test('each runtime runs programs itself and the CLI the way its users start a bin script', () => {
  const [node, bun, deno] = ['node', 'bun', 'deno'].map((kind) => ({ kind, executable: `/x/${kind}` }));
  const cli = CELLS.find((cell) => cell.bin);
  assert.deepEqual(cellCommand(node, CELLS[0]), ['/x/node', ['esm-imports.mjs']]);
  assert.deepEqual(cellCommand(deno, CELLS[0]), ['/x/deno', ['run', '--allow-all', 'esm-imports.mjs']]);
  assert.equal(cellCommand(node, cli)[0], 'node_modules/.bin/nagare');
  assert.deepEqual(cellCommand(bun, cli)[1].slice(0, 3), ['run', '--bun', 'nagare']);
  assert.deepEqual(cli.bin.slice(1, 5), ['train', 'spiral-mlp', '--epochs', '1']);
});

test('the runtime versions are pinned exactly, once, for Node 20, 22 and 24, Bun and Deno, plus the system Chromium', () => {
  const pins = pinnedRuntimes();
  assert.deepEqual(
    pins.map((pin) => pin.label),
    ['Node 20', 'Node 22', 'Node 24', 'Bun', 'Deno', 'Chromium'],
  );
  for (const pin of pins.filter((p) => p.package)) assert.match(pin.version, /^\d+\.\d+\.\d+$/, pin.label);
  // Chromium is the system's browser; the cells it cannot have say why.
  const chromium = pins.at(-1);
  assert.deepEqual(Object.keys(chromium.unsupportedCells).sort(), ['cjs', 'cli']);
});

test('the README and the docs show the generated runtime matrix, not a hand-written one', () => {
  const generated = readFileSync(MATRIX_FILE, 'utf8').trim();
  const block = readmeBlock(readFileSync(README, 'utf8'));
  assert.equal(block, generated, 'README.md runtime-matrix block differs from runtime-matrix.md');
  const install = readFileSync(join(root, 'apps/docs/src/guide/install.md'), 'utf8');
  assert.match(install, /<!--@include: \.\/runtime-matrix\.md-->/);
  // The file must be exactly what formatMatrix writes for its own rows: same header, a row per
  // pinned runtime in order, a symbol in every cell and a note for every ❌ and ➖.
  const { header, rows } = parseMatrix(generated);
  assert.deepEqual(header, HEADER);
  const pins = pinnedRuntimes();
  assert.deepEqual(
    rows.map((row) => row.label),
    pins.map((pin) => pin.label),
  );
  for (const [i, row] of rows.entries()) {
    const pin = pins[i];
    // Node 20 is the machine's own node when its major is 20, so only its major is pinned.
    if (pin.useMachineNodeOfMajor) assert.match(row.version, new RegExp(`^${pin.useMachineNodeOfMajor}\\.`));
    else if (!pin.package) assert.match(row.version, /^\d+\./, row.label);
    else assert.equal(row.version, pin.version, `${row.label}: the table is older than runtimes.json`);
    for (const cell of row.cells.slice(0, -1)) assert.match(cell, /^(✅|❌ \(\d+\)|➖ \(\d+\))$/, row.label);
  }
  const problems = rows.flatMap((row) => row.cells).filter((cell) => /\(\d+\)/.test(cell)).length;
  for (let n = 1; n <= problems; n++)
    assert.match(generated, new RegExp(`\\n${n}\\. .+ — (fails|unsupported): `));
});

test('the local registry serves each packed package as a one-version document with its tarball', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nagare-registry-test-'));
  const tarball = join(dir, 'nagare-tensor-1.2.3.tgz');
  writeFileSync(tarball, 'not really a tarball');
  const manifest = { name: '@nagare/tensor', version: '1.2.3', type: 'module' };
  const registry = await startLocalRegistry(new Map([['@nagare/tensor', { tarball, manifest }]]));
  try {
    const document = await (await fetch(`${registry.url}/@nagare%2ftensor`)).json();
    assert.equal(document['dist-tags'].latest, '1.2.3');
    const { dist, type } = document.versions['1.2.3'];
    assert.equal(type, 'module');
    const sha512 = createHash('sha512').update('not really a tarball').digest('base64');
    assert.equal(dist.integrity, `sha512-${sha512}`);
    assert.equal(await (await fetch(dist.tarball)).text(), 'not really a tarball');
  } finally {
    await registry.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every published package declares the runtimes the matrix runs in engines', () => {
  const engines = supportedEngines();
  assert.deepEqual(Object.keys(engines), ['node', 'bun', 'deno']);
  for (const pkg of publishablePackages()) assert.deepEqual(pkg.manifest.engines, engines, pkg.name);
});
