// License checks: every dependency a user or an app installs carries a license from the allow-list,
// license fields agree with the root LICENSE, and material from the ONNX project (Apache-2.0) travels
// with its notice and license text wherever it is embedded.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pnpmCommand } from '../pnpm.mjs';
import { root, runOrThrow } from './workspace.mjs';

/** Licenses compatible with shipping nagare under MIT (SPDX identifiers). */
export const ALLOWED_LICENSES = [
  'MIT',
  'MIT-0',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  'Unlicense',
  'CC0-1.0',
];

/**
 * Whether an SPDX license expression is acceptable: `A OR B` needs one allowed side, `A AND B`
 * both; parentheses group. Anything unparsable or missing is rejected.
 */
export function isLicenseAllowed(expression, allowed = ALLOWED_LICENSES) {
  if (typeof expression !== 'string' || expression.trim() === '') return false;
  const tokens = expression
    .replace(/[()]/g, (paren) => ` ${paren} `)
    .trim()
    .split(/\s+/);
  let position = 0;
  const parseOr = () => {
    let value = parseAnd();
    while (tokens[position] === 'OR') {
      position++;
      value = parseAnd() || value;
    }
    return value;
  };
  const parseAnd = () => {
    let value = parseAtom();
    while (tokens[position] === 'AND') {
      position++;
      value = parseAtom() && value;
    }
    return value;
  };
  const parseAtom = () => {
    const token = tokens[position++];
    if (token === '(') {
      const value = parseOr();
      if (tokens[position++] !== ')') throw new Error(`unbalanced parentheses in "${expression}"`);
      return value;
    }
    if (token === undefined || ['AND', 'OR', ')'].includes(token))
      throw new Error(`bad license expression "${expression}"`);
    return allowed.includes(token.replace(/\+$/, ''));
  };
  try {
    const result = parseOr();
    return position === tokens.length && result;
  } catch {
    return false;
  }
}

/** The license of an installed package.json: the SPDX `license` field or the legacy `licenses` list. */
function licenseOf(manifest) {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license?.type) return manifest.license.type;
  if (Array.isArray(manifest.licenses))
    return manifest.licenses.map((entry) => entry.type ?? entry).join(' OR ');
  return undefined;
}

/** Every package under `dir`/node_modules (nested ones too), as `{ name, version, license, path }`. */
function installedPackages(dir) {
  const found = [];
  const walk = (modules) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const dirs = entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((inner) => join(modules, entry, inner))
        : [join(modules, entry)];
      for (const packageDir of dirs) {
        const manifestFile = join(packageDir, 'package.json');
        if (!existsSync(manifestFile)) continue;
        const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
        found.push({
          name: manifest.name,
          version: manifest.version,
          license: licenseOf(manifest),
          path: packageDir,
        });
        walk(join(packageDir, 'node_modules'));
      }
    }
  };
  walk(join(dir, 'node_modules'));
  return found;
}

/**
 * Scans the production dependency trees: what npm installed into the smoke projects (exactly what a
 * user gets) and the workspace's production dependencies (`pnpm licenses list --prod`, which also
 * covers the private apps). Fails on any license outside ALLOWED_LICENSES.
 */
export async function checkDependencyLicenses(projectDirs) {
  const seen = new Map();
  for (const dir of projectDirs) {
    for (const pkg of installedPackages(dir)) seen.set(`${pkg.name}@${pkg.version}`, pkg.license);
  }
  const [command, prefix] = pnpmCommand();
  const output = await runOrThrow(command, [...prefix, 'licenses', 'list', '--prod', '--json']);
  const byLicense = JSON.parse(output.slice(output.indexOf('{')));
  for (const [license, entries] of Object.entries(byLicense)) {
    for (const entry of entries)
      for (const version of entry.versions) seen.set(`${entry.name}@${version}`, license);
  }
  const rejected = [...seen].filter(([, license]) => !isLicenseAllowed(license));
  if (rejected.length > 0) {
    throw new Error(
      rejected.map(([id, license]) => `${id}: license ${JSON.stringify(license)} is not allowed`).join('\n'),
    );
  }
  const counts = {};
  for (const license of seen.values()) counts[license] = (counts[license] ?? 0) + 1;
  const summary = Object.entries(counts).map(([license, count]) => `${license} ×${count}`);
  return `${seen.size} production packages: ${summary.join(', ')}`;
}

const ONNX_ATTRIBUTION = 'ONNX Project Contributors';

/**
 * ONNX material (Apache-2.0): a package whose sources carry the ONNX attribution must ship a NOTICE
 * naming ONNX, the Apache-2.0 text as LICENSE-ONNX, and keep the attribution in its built ESM and
 * CJS code; the root NOTICE must name that package; ONNX model or tensor files committed to the
 * repository must be listed in the root NOTICE. Also: every workspace manifest says MIT, like LICENSE.
 */
export function checkNotices(packages, packed) {
  const problems = [];
  const rootNotice = readFileSync(join(root, 'NOTICE'), 'utf8');
  if (!readFileSync(join(root, 'LICENSE'), 'utf8').startsWith('MIT License'))
    problems.push('LICENSE is not the MIT License');
  const embedding = [];
  for (const pkg of packages) {
    if (
      !sourceFiles(join(pkg.dir, 'src')).some((file) => readFileSync(file, 'utf8').includes(ONNX_ATTRIBUTION))
    )
      continue;
    embedding.push(pkg.name);
    const files = packed.get(pkg.name).files;
    const text = (path) => files.find((file) => file.path === path)?.data.toString('utf8') ?? '';
    if (!/ONNX/.test(text('NOTICE')) || !/Apache License/.test(text('NOTICE'))) {
      problems.push(
        `${pkg.name} embeds ONNX material but its tarball has no NOTICE crediting ONNX under Apache-2.0`,
      );
    }
    if (!text('LICENSE-ONNX').includes('Version 2.0, January 2004')) {
      problems.push(
        `${pkg.name} embeds ONNX material but its tarball has no LICENSE-ONNX with the Apache-2.0 text`,
      );
    }
    for (const entry of files.filter(
      (file) => /^dist\/.*\.(c?js)$/.test(file.path) && !file.path.includes('/chunk-'),
    )) {
      if (/^dist\/index\.c?js$/.test(entry.path) && !entry.data.toString('utf8').includes(ONNX_ATTRIBUTION)) {
        problems.push(
          `${pkg.name}: ${entry.path} lost the ONNX attribution comment (use a /*! legal comment */)`,
        );
      }
    }
    if (!rootNotice.includes(relative(root, pkg.dir)))
      problems.push(`the root NOTICE does not mention ${relative(root, pkg.dir)}`);
  }
  const tracked = trackedFiles().filter((file) => /\.(onnx|pb)$/.test(file));
  for (const file of tracked) {
    if (!rootNotice.includes(file.split('/').slice(0, 2).join('/')))
      problems.push(`${file} (ONNX data?) is not listed in NOTICE`);
  }
  for (const manifestFile of workspaceManifests()) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.license !== 'MIT')
      problems.push(
        `${relative(root, manifestFile)}: license is ${JSON.stringify(manifest.license)}, not "MIT"`,
      );
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return `ONNX material in [${embedding.join(', ')}] ships NOTICE + LICENSE-ONNX; every manifest says MIT`;
}

function sourceFiles(dir) {
  return readdirRecursive(dir, dir)
    .filter((file) => /\.ts$/.test(file) && !/\.test\.ts$/.test(file) && !file.includes('__fixtures__'))
    .map((file) => join(dir, file));
}

/** The repository's committed files (a CI checkout), or every file when git is unavailable. */
function trackedFiles() {
  const listed = spawnSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' });
  if (listed.status === 0) return listed.stdout.split('\n').filter(Boolean);
  return readdirRecursive(root);
}

/** Files under `dir` relative to `base`, skipping node_modules, dist and dot directories. */
function readdirRecursive(dir, base = root) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? readdirRecursive(path, base) : [relative(base, path)];
  });
}

function workspaceManifests() {
  const groups = ['packages', 'apps'].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name, 'package.json'))
      : [],
  );
  return [join(root, 'package.json'), join(root, 'bench', 'package.json'), ...groups].filter((file) =>
    existsSync(file),
  );
}
