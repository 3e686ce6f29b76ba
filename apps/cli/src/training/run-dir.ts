import { mkdir, realpath, stat, statfs } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { OutputDirError } from '../errors/output-dir-error';

// Kernel file systems by statfs magic number (linux/magic.h): nothing can be created there, and
// Node's recursive mkdir loops for ever inside /proc.
const KERNEL_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x62656570, 'configfs'],
]);
const KERNEL_ROOTS = ['/proc', '/sys'];

const isUnder = (path: string, root: string) => path === root || path.startsWith(`${root}${sep}`);

/** The deepest part of `path` that exists (at worst the file system root). */
async function nearestExisting(path: string): Promise<string> {
  let current = resolve(path);
  while ((await stat(current).catch(() => null)) === null && dirname(current) !== current)
    current = dirname(current);
  return current;
}

/**
 * Refuses an output path inside /proc, /sys or any kernel file system, by its name and, through
 * symlinks (/dev/fd → /proc/self/fd), by the file system that would hold it. Throws OutputDirError.
 *
 * @example
 * await checkOutputLocation('/proc/self/runs'); // throws OutputDirError
 */
export async function checkOutputLocation(path: string): Promise<void> {
  const absolute = resolve(path);
  const explicit = KERNEL_ROOTS.find((root) => isUnder(absolute, root));
  if (explicit) throw new OutputDirError(path, `is inside ${explicit}, a kernel file system`);
  const existing = await realpath(await nearestExisting(absolute)).catch(() => absolute);
  const linked = KERNEL_ROOTS.find((root) => isUnder(existing, root));
  if (linked) throw new OutputDirError(path, `leads into ${linked} (${existing}), a kernel file system`);
  const kind = KERNEL_FILE_SYSTEMS.get(Number((await statfs(existing).catch(() => null))?.type ?? -1));
  if (kind) throw new OutputDirError(path, `is on a ${kind} file system, which holds no files`);
}

// Enough for many runs started in the same second; more means something else is wrong.
const MAX_SUFFIX = 1000;

/**
 * Creates a fresh run directory `base`, or `base-2`, `base-3`, … when it exists: each candidate is
 * created with a non-recursive mkdir, which fails if another process made it first, so two runs
 * started in the same second never share a directory. Returns the directory created.
 *
 * @example
 * const dir = await createUniqueDir('runs/mnist-mlp-20250101-120000');
 */
export async function createUniqueDir(base: string): Promise<string> {
  await checkOutputLocation(base);
  await mkdir(dirname(base), { recursive: true });
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    try {
      await mkdir(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new OutputDirError(base, `and ${MAX_SUFFIX - 1} numbered variants of it already exist`);
}

/**
 * Creates the directory the user named with --out (an existing one is fine), after checking it is
 * not in a kernel file system.
 *
 * @example
 * await createOutputDir('runs/my-run');
 */
export async function createOutputDir(path: string): Promise<string> {
  await checkOutputLocation(path);
  await mkdir(path, { recursive: true });
  return path;
}

/** `runs/<name>-<yyyymmdd>-<hhmmss>` in local time: sortable; createUniqueDir makes it unique. */
export function defaultRunDir(name: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return join('runs', `${name}-${date}-${time}`);
}

/** The run directory of a new run: --out as given, else a fresh default directory. */
export function prepareRunDir(out: string | undefined, name: string): Promise<string> {
  return out === undefined ? createUniqueDir(defaultRunDir(name)) : createOutputDir(out);
}
