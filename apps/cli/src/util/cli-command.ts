import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Words of a printed command as written (placeholders like `<recipe>` allowed), or a path, quoted and resolved for where the command runs. */
export type CommandPart = string | { path: string };

/** How the user started this CLI, which decides how a printed command must start. */
export interface Invocation {
  /** `npm run nagare --` from a monorepo checkout (no `nagare` on PATH there), else `nagare`. */
  prefix: string;
  /** The directory the printed command runs in: the repo root for `npm run`, else the caller's cwd. */
  cwd: string;
}

// The root package.json of a checkout names itself so and holds the `nagare` script.
const MONOREPO_NAME = 'nagare-monorepo';

/** The monorepo root above `scriptPath` (apps/cli/dist/cli.js or apps/cli/src/bin.ts), or null. */
function checkoutRoot(scriptPath: string): string | null {
  let real: string;
  try {
    real = realpathSync(scriptPath);
  } catch {
    return null;
  }
  // An installed bin lives under node_modules, even when a workspace links it there.
  if (real.split(sep).includes('node_modules')) return null;
  const root = resolve(dirname(real), '..', '..', '..');
  const manifest = join(root, 'package.json');
  if (!existsSync(manifest)) return null;
  try {
    const parsed = JSON.parse(readFileSync(manifest, 'utf8'));
    return parsed.name === MONOREPO_NAME && typeof parsed.scripts?.nagare === 'string' ? root : null;
  } catch {
    return null;
  }
}

/** Finds out from the script's path whether the CLI runs from a checkout or as an installed bin. */
export function detectInvocation(scriptPath = process.argv[1] ?? '', cwd = process.cwd()): Invocation {
  const root = checkoutRoot(scriptPath);
  return root === null ? { prefix: 'nagare', cwd } : { prefix: 'npm run nagare --', cwd: root };
}

const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

function pathFrom(invocation: Invocation, path: string): string {
  // An installed bin runs where the user is, so the path works as they gave it.
  if (invocation.prefix === 'nagare') return path;
  const absolute = resolve(path);
  const fromRoot = relative(invocation.cwd, absolute);
  return fromRoot === '' ? '.' : fromRoot.startsWith('..') || isAbsolute(fromRoot) ? absolute : fromRoot;
}

/**
 * A command line the user can paste to run the CLI again, the same way they ran it: from a
 * checkout, `npm run nagare -- …` (paths made relative to the repo root, where npm runs it); as an
 * installed bin, `nagare …`. Every command the CLI prints goes through here.
 *
 * @example
 * cliCommand(['train', '--resume', { path: 'runs/x' }]); // 'npm run nagare -- train --resume runs/x'
 */
export function cliCommand(parts: readonly CommandPart[], invocation = detectInvocation()): string {
  const words = parts.map((part) =>
    typeof part === 'string' ? part : quote(pathFrom(invocation, part.path)),
  );
  return [invocation.prefix, ...words].join(' ');
}
