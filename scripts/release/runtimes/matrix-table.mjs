// The runtime matrix as markdown: one generated file (apps/docs/src/guide/runtime-matrix.md, which
// the docs' install page includes) and the same text between markers in the root README. Only
// `node scripts/release-check.mjs --only runtimes --write-readme` writes them; a self-test
// (runtime-matrix.test.mjs) fails when either differs from what formatMatrix would produce.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../workspace.mjs';
import { CELLS } from './cells.mjs';

export const MATRIX_FILE = join(root, 'apps', 'docs', 'src', 'guide', 'runtime-matrix.md');
export const README = join(root, 'README.md');
export const START_MARKER = '<!-- runtime-matrix:start -->';
export const END_MARKER = '<!-- runtime-matrix:end -->';
export const HEADER = [
  'runtime',
  'version',
  'install',
  ...CELLS.map((cell) => cell.label),
  'wasm SIMD build',
];
const SYMBOLS = { pass: '✅', fail: '❌', unsupported: '➖' };
// An error message may hold `<anonymous>` or `{{`, which VitePress would compile as a Vue template
// (and break the docs build): those characters become HTML entities, which GitHub renders too.
const ENTITIES = { '<': '&lt;', '>': '&gt;', '{': '&#123;', '}': '&#125;', '|': '&#124;', '`': '&#96;' };
const escapeText = (text) => text.replace(/[<>{}|`]/g, (character) => ENTITIES[character]);

/** The SIMD build the wasm cells loaded, from their notes (`wasm (relaxed, 1 thread): …`). */
function simdBuild(cells) {
  const note = [cells.wasm1, cells.wasm2].find((cell) => cell?.status === 'pass')?.note ?? '';
  return /wasm \((relaxed|simd128)\b/.exec(note)?.[1] ?? '–';
}

/**
 * The matrix `{ date, commit, runtimes: [{ label, version, cells }] }` as markdown: a table with a
 * ✅/❌/➖ per cell, and below it one numbered line per failure or unsupported cell with the error
 * or the reason.
 */
export function formatMatrix(matrix) {
  const notes = [];
  const rows = matrix.runtimes.map((row) => {
    const cells = ['install', ...CELLS.map((cell) => cell.id)].map((id) => {
      const cell = row.cells[id] ?? { status: 'fail', error: 'not run' };
      if (cell.status === 'pass') return SYMBOLS.pass;
      const label = id === 'install' ? 'install' : CELLS.find((c) => c.id === id).label;
      const detail = cell.status === 'fail' ? `fails: ${cell.error}` : `unsupported: ${cell.reason}`;
      notes.push(escapeText(`${row.label}, ${label} — ${detail}`.replace(/\s+/g, ' ').slice(0, 300)));
      return `${SYMBOLS[cell.status]} (${notes.length})`;
    });
    return [row.label, row.version ?? '–', ...cells, simdBuild(row.cells)];
  });
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const table = [line(HEADER), line(HEADER.map(() => '---')), ...rows.map(line)];
  return [
    `Runtime matrix of commit \`${matrix.commit}\` on ${matrix.date} (linux-x64), from`,
    '`node scripts/release-check.mjs --only runtimes`: ✅ pass, ❌ fails, ➖ unsupported.',
    '',
    ...table,
    ...(notes.length ? ['', ...notes.map((note, i) => `${i + 1}. ${note}`)] : []),
  ].join('\n');
}

/**
 * The rows of a formatted matrix as `{ label, version, cells }` (cells: the symbols in HEADER's
 * order after version), and its header; throws when the text is not a table formatMatrix wrote.
 */
export function parseMatrix(markdown) {
  const lines = markdown.split('\n').filter((text) => text.startsWith('|'));
  const split = (text) =>
    text
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
  if (lines.length < 2) throw new Error('the runtime matrix has no table');
  const header = split(lines[0]);
  const rows = lines.slice(2).map((text) => {
    const [label, version, ...cells] = split(text);
    return { label, version, cells };
  });
  return { header, rows };
}

/** The text between the README's markers, or null when it has none. */
export function readmeBlock(readme) {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) return null;
  return readme.slice(start + START_MARKER.length, end).trim();
}

/**
 * Writes `markdown` to the generated file and the README block when `shouldWrite`; returns whether
 * both already held the same cells (date and commit aside: they change on every run).
 */
export function syncMatrixDocs(markdown, shouldWrite) {
  const cellsOf = (text) => JSON.stringify(parseMatrix(text));
  const readme = readFileSync(README, 'utf8');
  const block = readmeBlock(readme);
  if (block === null) throw new Error(`README.md has no ${START_MARKER} … ${END_MARKER} section`);
  let file = '';
  try {
    file = readFileSync(MATRIX_FILE, 'utf8');
  } catch {
    // A missing file differs from any matrix; --write-readme creates it.
  }
  const isCurrent = [block, file].every((text) => {
    try {
      return cellsOf(text) === cellsOf(markdown);
    } catch {
      return false;
    }
  });
  if (shouldWrite) {
    writeFileSync(MATRIX_FILE, `${markdown}\n`);
    const start = readme.indexOf(START_MARKER) + START_MARKER.length;
    writeFileSync(
      README,
      `${readme.slice(0, start)}\n${markdown}\n${readme.slice(readme.indexOf(END_MARKER))}`,
    );
  }
  return isCurrent;
}
