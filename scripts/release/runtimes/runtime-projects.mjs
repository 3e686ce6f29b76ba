// One fresh project per runtime of the matrix, outside the workspace, holding every packed nagare
// package and the CLI, installed with the runtime's own installer: npm for Node (run by that Node,
// so npm checks the `engines` fields against it), `bun install` for Bun and `deno install` for Deno.
// The CLI (private, never published) is installed from its tarball too, for its bin script.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { exportedSpecifiers } from '../install-projects.mjs';
import { run } from '../workspace.mjs';

// An address nothing listens on: a nagare package can only come from its tarball, never a registry.
const BLOCKED_REGISTRY = 'http://127.0.0.1:9/';
const PROGRAM_DIR = join(import.meta.dirname, '..', 'smoke', 'runtimes');

/** The environment a runtime's commands run in: its binary's directory first on PATH. */
export function runtimeEnv(runtime) {
  return { PATH: `${dirname(runtime.executable)}${delimiter}${process.env.PATH}`, NO_COLOR: '1' };
}

/** Every entry point (import specifier) of the published packages among `tarballs`. */
export function entryPoints(tarballs) {
  return [...tarballs.values()]
    .filter(({ manifest }) => manifest.private !== true)
    .flatMap(({ manifest }) => exportedSpecifiers(manifest));
}

/** The installer command line for `runtime`, run in the project directory. */
function installCommand(runtime) {
  if (runtime.kind === 'bun') return [runtime.executable, ['install', '--no-progress']];
  if (runtime.kind === 'deno') return [runtime.executable, ['install']];
  return ['npm', ['install', '--no-audit', '--no-fund', '--engine-strict']];
}

/**
 * The package.json dependencies and .npmrc of `runtime`'s project. npm and Bun install the tarballs
 * as `file:` dependencies, with `overrides` so nested ranges (autograd's "@nagare/tensor": "0.0.0")
 * resolve to them too and a registry nothing listens on for the @nagare scope. Deno's installer
 * cannot install tarballs with their dependencies, so it gets the versions from `registryUrl`, a
 * local registry serving the same tarballs (local-registry.mjs).
 */
function projectFiles(runtime, tarballs, registryUrl) {
  const files = { dependencies: {}, npmrc: 'audit=false\nfund=false\nupdate-notifier=false\n' };
  if (runtime.kind === 'deno') {
    for (const [name, { manifest }] of tarballs) files.dependencies[name] = manifest.version;
    return { ...files, npmrc: `registry=${registryUrl}/\n${files.npmrc}` };
  }
  for (const [name, { tarball }] of tarballs) files.dependencies[name] = `file:${tarball}`;
  const overrides = Object.fromEntries(
    [...tarballs.keys()].map((name) => [
      name,
      runtime.kind === 'node' ? `$${name}` : files.dependencies[name],
    ]),
  );
  return { ...files, overrides, npmrc: `@nagare:registry=${BLOCKED_REGISTRY}\n${files.npmrc}` };
}

/**
 * Creates `dir` with a package.json depending on every package in `tarballs` (a Map from name to
 * `{ tarball, manifest }`), installs it with `runtime`'s installer and copies the smoke programs and
 * the list of entry points in. Resolves with a note naming the installer; rejects with its output.
 */
export async function installRuntimeProject(runtime, dir, tarballs, registryUrl) {
  mkdirSync(dir, { recursive: true });
  const { dependencies, overrides, npmrc } = projectFiles(runtime, tarballs, registryUrl);
  const manifest = {
    name: `nagare-runtime-${runtime.id}`,
    private: true,
    type: 'module',
    dependencies,
    overrides,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, '.npmrc'), npmrc);
  if (runtime.kind === 'bun') {
    writeFileSync(join(dir, 'bunfig.toml'), `[install.scopes]\n"@nagare" = "${BLOCKED_REGISTRY}"\n`);
  }
  if (runtime.kind === 'deno') {
    writeFileSync(join(dir, 'deno.json'), `${JSON.stringify({ nodeModulesDir: 'auto' }, null, 2)}\n`);
  }
  const [command, args] = installCommand(runtime);
  const { status, output } = await run(command, args, {
    cwd: dir,
    env: { ...runtimeEnv(runtime), npm_config_yes: 'true', ONNXRUNTIME_NODE_INSTALL: 'skip' },
    timeoutMs: 300_000,
  });
  if (status !== 0) throw new Error(`${[command, ...args].join(' ')} failed:\n${output.trim()}`);
  for (const file of readdirSync(PROGRAM_DIR)) copyFileSync(join(PROGRAM_DIR, file), join(dir, file));
  writeFileSync(join(dir, 'entry-points.json'), `${JSON.stringify(entryPoints(tarballs), null, 2)}\n`);
  const installer = { node: 'npm install', bun: 'bun install', deno: 'deno install' }[runtime.kind];
  return `${installer}, ${tarballs.size} packages`;
}
