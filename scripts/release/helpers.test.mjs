// Tests of the release checks' own logic (node:test; release-check.mjs runs them first, each one
// counting as a test). The checks on real tarballs and installs are the release checks themselves.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { checkBudget, tableDifferences } from './bundle-size.mjs';
import { readChangesets } from './changesets.mjs';
import { exportedSpecifiers, importedPackages } from './install-projects.mjs';
import { isLicenseAllowed } from './licenses.mjs';
import { dependencyClosure, readTarball } from './workspace.mjs';

const fakePackage = (name, dependencies = {}) => ({
  name,
  dir: `/x/${name}`,
  manifest: { name, dependencies },
});
const FAKE_WORKSPACE = [
  fakePackage('@nagare/tensor'),
  fakePackage('@nagare/autograd', { '@nagare/tensor': 'workspace:*' }),
  fakePackage('@nagare/layers', { '@nagare/tensor': 'workspace:*', '@nagare/autograd': 'workspace:*' }),
  fakePackage('@nagare/data', { '@nagare/tensor': 'workspace:*', papaparse: '5.5.3' }),
];

test('isLicenseAllowed accepts allow-listed SPDX ids and OR expressions with one allowed side', () => {
  for (const license of ['MIT', 'ISC', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0', 'CC0-1.0']) {
    assert.equal(isLicenseAllowed(license), true, license);
  }
  assert.equal(isLicenseAllowed('(MIT OR GPL-3.0-only)'), true);
  assert.equal(isLicenseAllowed('(MIT AND (Apache-2.0 OR GPL-2.0))'), true);
});

test('isLicenseAllowed rejects copyleft, proprietary, missing and malformed licenses', () => {
  for (const license of [
    'GPL-3.0-only',
    'AGPL-3.0',
    'UNLICENSED',
    'SEE LICENSE IN LICENSE.txt',
    '',
    undefined,
  ]) {
    assert.equal(isLicenseAllowed(license), false, String(license));
  }
  assert.equal(isLicenseAllowed('MIT AND GPL-3.0-only'), false);
  assert.equal(isLicenseAllowed('(MIT OR Apache-2.0'), false);
  assert.equal(isLicenseAllowed('MIT OR'), false);
});

test('dependencyClosure adds declared nagare dependencies transitively and ignores third-party ones', () => {
  assert.deepEqual(dependencyClosure(['@nagare/layers'], FAKE_WORKSPACE).sort(), [
    '@nagare/autograd',
    '@nagare/layers',
    '@nagare/tensor',
  ]);
  assert.deepEqual(dependencyClosure(['@nagare/data'], FAKE_WORKSPACE).sort(), [
    '@nagare/data',
    '@nagare/tensor',
  ]);
  assert.throws(
    () => dependencyClosure(['@nagare/nope'], FAKE_WORKSPACE),
    /not a publishable workspace package/,
  );
});

/** A one-block-per-header ustar archive, gzipped, as npm and pnpm write them. */
function makeTarball(entries) {
  const blocks = [];
  for (const { name, content, prefix = '' } of entries) {
    const header = Buffer.alloc(512);
    header.write(name, 0, 'utf8');
    header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124, 'utf8');
    header.write('0', 156, 'utf8');
    header.write('ustar\0', 257, 'utf8');
    header.write(prefix, 345, 'utf8');
    const data = Buffer.alloc(Math.ceil(content.length / 512) * 512);
    data.write(content, 0, 'utf8');
    blocks.push(header, data);
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

test('readTarball lists files without the package/ prefix and joins the ustar name prefix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nagare-tar-test-'));
  try {
    const file = join(dir, 'x.tgz');
    const long = 'a'.repeat(600);
    writeFileSync(
      file,
      makeTarball([
        { name: 'package/package.json', content: '{"name":"x"}' },
        { name: 'index.js', prefix: 'package/dist', content: long },
      ]),
    );
    const files = readTarball(file);
    assert.deepEqual(
      files.map((entry) => [entry.path, entry.data.length]),
      [
        ['package.json', 12],
        ['dist/index.js', 600],
      ],
    );
    assert.equal(files[1].data.toString('utf8'), long);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('checkBudget passes within budget and fails above it or without a budget', () => {
  const sizes = {
    rows: [{ name: '@nagare/tensor', own: 1000 }],
    binaries: [{ name: 'SIMD128_WASM', gzip: 500 }],
  };
  const budget = { packages: { '@nagare/tensor': 1000 }, wasm: { SIMD128_WASM: 600 } };
  assert.match(checkBudget(sizes, budget), /within size-budget.json/);
  assert.throws(
    () => checkBudget({ ...sizes, rows: [{ name: '@nagare/tensor', own: 1001 }] }, budget),
    /@nagare\/tensor: 1001 B min\+gzip exceeds its budget of 1000 B by 1 B/,
  );
  assert.throws(() => checkBudget(sizes, { packages: budget.packages, wasm: {} }), /SIMD128_WASM: no budget/);
});

test('tableDifferences ignores padding but reports every changed, added or removed row', () => {
  const recorded = '| package | size |\n| --- | ---: |\n| `a` | 1.0 KiB |\n| `b` | 2.0 KiB |';
  const realigned =
    '| package   |    size |\n| --------- | ------: |\n| `a`       | 1.0 KiB |\n| `b` | 2.0 KiB |';
  assert.deepEqual(tableDifferences(recorded, realigned), []);
  const grown = recorded.replace('2.0 KiB', '2.1 KiB');
  assert.deepEqual(tableDifferences(recorded, grown), [
    'README:   | `b` | 2.0 KiB |\nmeasured: | `b` | 2.1 KiB |',
  ]);
  assert.deepEqual(tableDifferences(recorded, `${recorded}\n| \`c\` | 3 B |`), [
    'README:   (no row)\nmeasured: | `c` | 3 B |',
  ]);
});

test('readChangesets reads front matter and rejects a release line turned into a heading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nagare-changeset-test-'));
  try {
    writeFileSync(
      join(dir, 'good.md'),
      '---\n\'@nagare/tensor\': minor\n"nagare": patch\n---\n\nAdd `exp`.\n',
    );
    assert.deepEqual(readChangesets(dir), [
      { file: 'good.md', releases: { '@nagare/tensor': 'minor', nagare: 'patch' }, summary: 'Add `exp`.' },
    ]);
    // What a Markdown formatter makes of the front matter: a setext heading.
    writeFileSync(join(dir, 'mangled.md'), "---\n\n## '@nagare/train': minor\n\nFirst release.\n");
    assert.throws(() => readChangesets(dir), /mangled\.md/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('importedPackages finds import, require, dynamic and side-effect imports, by package name', () => {
  const source = [
    "import assert from 'node:assert/strict';",
    "import { grad } from '@nagare/autograd';",
    "import '@nagare/layers';",
    "const t = require('@nagare/tensor/testing');",
    "const w = await import('@nagare/wasm');",
    "import { x } from './local.js';",
    "import { y } from 'papaparse';",
  ].join('\n');
  assert.deepEqual(importedPackages(source), [
    '@nagare/autograd',
    '@nagare/layers',
    '@nagare/tensor',
    '@nagare/wasm',
    'papaparse',
  ]);
});

test('exportedSpecifiers lists every JS subpath and skips package.json', () => {
  const manifest = {
    name: '@nagare/tensor',
    exports: { '.': { import: './dist/index.js' }, './testing': {}, './package.json': './package.json' },
  };
  assert.deepEqual(exportedSpecifiers(manifest), ['@nagare/tensor', '@nagare/tensor/testing']);
});
