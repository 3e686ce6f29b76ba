// Fresh npm projects outside the workspace that install only some of the packed tarballs, the way a
// user's project would. A project holds exactly the dependency closure of the packages it asks for,
// so a package that imports a sibling it does not declare fails to load there.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dependencyClosure, run } from './workspace.mjs';

// An address nothing listens on: a request for an @nagare package can never fetch a published copy
// (and verifyInstalledFromFiles reports it).
const BLOCKED_REGISTRY = 'http://127.0.0.1:9/';

/**
 * Creates (once per distinct closure) and installs a project under `workDir` for `names`; returns
 * `{ dir, packages, installOutput }`. Third-party dependencies come from the npm registry; every
 * nagare package comes from its tarball, enforced by `overrides` and verified in the lockfile.
 */
export async function installProject(workDir, names, packages, packed, cache) {
  const closure = dependencyClosure(names, packages).sort();
  const key = closure.join(' ');
  if (cache.has(key)) return cache.get(key);
  const promise = createProject(workDir, closure, packed);
  cache.set(key, promise);
  return promise;
}

async function createProject(workDir, closure, packed) {
  const slug = closure.map((name) => name.replace(/^@nagare\//, '')).join('+');
  const dir = join(
    workDir,
    'projects',
    slug.length > 60 ? `closure-${closure.length}-${slug.slice(0, 40)}` : slug,
  );
  mkdirSync(dir, { recursive: true });
  const dependencies = Object.fromEntries(closure.map((name) => [name, `file:${packed.get(name).tarball}`]));
  // "$name" makes every nested range on a nagare package (e.g. "@nagare/tensor": "0.0.0" inside
  // autograd's package.json) resolve to the root's tarball instead of the registry.
  const overrides = Object.fromEntries(closure.map((name) => [name, `$${name}`]));
  const manifest = {
    name: `nagare-smoke-${slug}`.slice(0, 200),
    private: true,
    type: 'module',
    dependencies,
    overrides,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Registry retries stay on for third-party packages; the @nagare scope points nowhere.
  writeFileSync(
    join(dir, '.npmrc'),
    [`@nagare:registry=${BLOCKED_REGISTRY}`, 'audit=false', 'fund=false', 'update-notifier=false', ''].join(
      '\n',
    ),
  );
  const { status, output } = await run('npm', ['install', '--loglevel=http', '--no-audit', '--no-fund'], {
    cwd: dir,
    env: { npm_config_yes: 'true', ONNXRUNTIME_NODE_INSTALL: 'skip' },
  });
  if (status !== 0) throw new Error(`npm install in ${dir} failed:\n${output.trim()}`);
  verifyInstalledFromFiles(dir, closure, output);
  return { dir, packages: closure, installOutput: output };
}

/**
 * Fails unless every nagare package in the lockfile was resolved from a local tarball, npm made no
 * request for one, and the project holds no nagare package outside the closure.
 */
function verifyInstalledFromFiles(dir, closure, output) {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const installed = Object.entries(lock.packages)
    .filter(([path]) => /(^|\/)node_modules\/(@nagare\/[^/]+|nagare)$/.test(path))
    .map(([path, entry]) => ({ name: path.replace(/^.*node_modules\//, ''), entry }));
  for (const { name, entry } of installed) {
    if (!String(entry.resolved ?? '').startsWith('file:')) {
      throw new Error(`${name} was resolved from ${entry.resolved}, not from its tarball`);
    }
  }
  const names = [...new Set(installed.map((item) => item.name))].sort();
  if (names.join() !== closure.join()) {
    throw new Error(`installed nagare packages [${names}] differ from the closure [${closure}]`);
  }
  const requests = output.split('\n').filter((line) => /\bGET\b.*(@nagare|\/nagare\b)/.test(line));
  if (requests.length > 0)
    throw new Error(`npm asked a registry for nagare packages:\n${requests.join('\n')}`);
}

/** Every JS entry point (subpath) a package exports, as import specifiers. */
export function exportedSpecifiers(manifest) {
  const exportsField = manifest.exports ?? { '.': manifest.main };
  return Object.entries(exportsField)
    .filter(([, target]) => !(typeof target === 'string' && target.endsWith('.json')))
    .map(([subpath]) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`));
}

/** Bare module specifiers a program file imports or requires (node: builtins excluded). */
export function importedPackages(source) {
  const specifiers = [
    ...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
    ...source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((match) => match[1]);
  const packageNames = specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
  return [...new Set(packageNames)].sort();
}

/** Names of the packages under a project's node_modules (scoped ones as @scope/name). */
export function listInstalled(dir) {
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) return [];
  return readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) =>
      name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name],
    );
}
