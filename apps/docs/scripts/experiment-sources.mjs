// The source of an experiment, as the staleness check of its recorded report compares it: the
// files of its folder under apps/cli/src/experiments/<name>/ (tests excluded) plus every file under
// apps/cli/src/experiments/ they import, transitively (the shared support: support/*, experiment.ts,
// another experiment's module). Imports that leave apps/cli/src/experiments/ (the report's chart
// renderers, number formatting) draw the report but decide no number, so they are not part of it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** apps/cli/src/experiments, resolved through the docs app's dependency on the CLI. */
export function experimentsDir() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@nagare/cli/package.json')), 'src', 'experiments');
}

const isSource = (file) => file.endsWith('.ts') && !file.endsWith('.test.ts');
const RELATIVE_IMPORT = /(?:import|export)[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;

// `../support/smooth` → the file it names: smooth.ts, or smooth/index.ts.
function resolveImport(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find(
    (candidate) => existsSync(candidate) && isSource(candidate),
  );
}

/**
 * The files an experiment's result depends on, relative to apps/cli/src/experiments and sorted;
 * `null` when `name` has no folder there (a training recipe, not an experiment).
 */
export function experimentSourceFiles(name, root = experimentsDir()) {
  const folder = join(root, name);
  if (!existsSync(folder)) return null;
  const pending = readdirSync(folder)
    .filter(isSource)
    .map((file) => join(folder, file));
  const seen = new Set();
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolveImport(file, specifier);
      if (target && !relative(root, target).startsWith(`..${sep}`)) pending.push(target);
    }
  }
  return [...seen].map((file) => relative(root, file).split(sep).join('/')).sort();
}

/**
 * SHA-256 over the experiment's source files (each path, then its text with line endings
 * normalized), as `sha256:<hex>`; `null` for a name that is not an experiment.
 */
export function experimentSourceHash(name, root = experimentsDir()) {
  const files = experimentSourceFiles(name, root);
  if (!files) return null;
  const hash = createHash('sha256');
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8').replace(/\r\n/g, '\n');
    hash.update(`${file}\0${text}\0`);
  }
  return `sha256:${hash.digest('hex')}`;
}
