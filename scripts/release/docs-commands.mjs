// The repository's markdown must give commands that work on a machine with only Node and npm:
// pnpm is not installed there, so a command starting with `pnpm` fails with "command not found".
// The pinned pnpm runs as `node scripts/pnpm.mjs …`, and the common tasks have npm scripts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Directories never scanned: dependencies, build output, generated API pages, release notes. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', '.turbo', 'cache', 'public', '.changeset']);

/** Every markdown file of the repository under `root` that a reader follows, as absolute paths. */
export function markdownFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name));
      } else if (entry.name.endsWith('.md') && entry.name !== 'CHANGELOG.md') {
        found.push(join(dir, entry.name));
      }
    }
  };
  walk(root);
  return found.sort();
}

/** The code a reader may paste into a shell: fenced block lines and inline code spans, by line. */
function codeByLine(markdown) {
  const code = [];
  let isFenced = false;
  for (const [index, line] of markdown.split('\n').entries()) {
    if (/^\s*(```|~~~)/.test(line)) {
      isFenced = !isFenced;
    } else if (isFenced) {
      code.push({ line: index + 1, text: line });
    } else {
      for (const match of line.matchAll(/`([^`]+)`/g)) code.push({ line: index + 1, text: match[1] });
    }
  }
  return code;
}

/**
 * The commands in `markdown` that start with a bare `pnpm`, as `{ line, command }`: at the start of
 * a code span or block line, or after `&&`, `||`, `;` or `|` (comments after `#` are ignored).
 */
export function barePnpmCommands(markdown) {
  const found = [];
  for (const { line, text } of codeByLine(markdown)) {
    const withoutComment = text.replace(/\s#.*$/, '');
    for (const part of withoutComment.split(/&&|\|\||;|\|/)) {
      const command = part.trim().replace(/^\$\s+/, '');
      if (/^pnpm(\s|$)/.test(command)) found.push({ line, command });
    }
  }
  return found;
}

/** `file:line: command` for every bare pnpm command in the repository's markdown under `root`. */
export function barePnpmCommandsIn(root) {
  return markdownFiles(root).flatMap((file) =>
    barePnpmCommands(readFileSync(file, 'utf8')).map(
      ({ line, command }) => `${relative(root, file)}:${line}: ${command}`,
    ),
  );
}
