// The publishable packages of the workspace and small process helpers shared by the release checks.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The repository root. */
export const root = join(import.meta.dirname, '..', '..');

/**
 * Every non-private package under packages/, in dependency order (a package comes after the
 * @nagare packages it depends on), as `{ name, dir, manifest }`.
 */
export function publishablePackages() {
  const dir = join(root, 'packages');
  const found = readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((d) => existsSync(join(d, 'package.json')))
    .map((d) => ({ dir: d, manifest: JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir: d, manifest }) => ({ name: manifest.name, dir: d, manifest }));
  const byName = new Map(found.map((p) => [p.name, p]));
  const ordered = [];
  const visit = (pkg, path) => {
    if (ordered.includes(pkg)) return;
    if (path.includes(pkg.name)) throw new Error(`dependency cycle: ${[...path, pkg.name].join(' -> ')}`);
    for (const dep of workspaceDependencies(pkg.manifest, byName))
      visit(byName.get(dep), [...path, pkg.name]);
    ordered.push(pkg);
  };
  for (const pkg of [...found].sort((a, b) => a.name.localeCompare(b.name))) visit(pkg, []);
  return ordered;
}

/** Names of the workspace packages in `byName` that `manifest` declares as (peer) dependencies. */
export function workspaceDependencies(manifest, byName) {
  const declared = { ...manifest.peerDependencies, ...manifest.dependencies };
  return Object.keys(declared).filter((name) => byName.has(name));
}

/**
 * `names` plus every workspace package they depend on, directly or not: exactly what npm installs
 * when a user asks for `names`.
 */
export function dependencyClosure(names, packages) {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const closure = new Set();
  const add = (name) => {
    if (closure.has(name)) return;
    const pkg = byName.get(name);
    if (!pkg) throw new Error(`${name} is not a publishable workspace package`);
    closure.add(name);
    for (const dep of workspaceDependencies(pkg.manifest, byName)) add(dep);
  };
  for (const name of names) add(name);
  return [...closure];
}

/**
 * Runs a command without a shell; resolves with its exit status and combined output. Output is
 * echoed as it comes when `echo` is true, else kept for the failure report.
 */
export function run(command, args, { cwd = root, env = {}, echo = false, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs / 1000} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: 1, output: `${output}\n${error.message}` });
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status: status ?? 1, output });
    });
  });
}

/** Throws with the command's output when it exited non-zero; returns the output otherwise. */
export async function runOrThrow(command, args, options) {
  const { status, output } = await run(command, args, options);
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${status}:\n${output.trim()}`);
  return output;
}

/** The files of a .tgz made by `pnpm pack`, as `{ path, data }` with the `package/` prefix removed. */
export function readTarball(file) {
  const tar = gunzipSync(readFileSync(file));
  const files = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start, length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const data = tar.subarray(offset + 512, offset + 512 + size);
    // '0' and '' are regular files; directories, links and pax headers carry no package content.
    if (type === '0' || type === '') files.push({ path: name.replace(/^package\//, ''), data });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** `1234567` → `'1.18 MiB'`, for reports. */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(2)} MiB`;
}
