// Build-time data: the bundle-size tables that scripts/release/bundle-size.mjs records in the root
// README between its size-report markers. The docs show the same numbers CI checks.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineLoader } from 'vitepress';

export interface SizeTable {
  header: string[];
  /** Cells as written in the README (inline code marks removed). */
  rows: string[][];
}

export interface BundleSizes {
  tables: SizeTable[];
  /** Where the numbers come from, for the page to say. */
  source: string;
}

declare const data: BundleSizes;

export { data };

const README = fileURLToPath(new URL('../../../../../README.md', import.meta.url));
const START = '<!-- size-report:start -->';
const END = '<!-- size-report:end -->';

/** The Markdown tables of `text`: each a header row, a separator row, then data rows. */
export function parseTables(text: string): SizeTable[] {
  const tables: SizeTable[] = [];
  let current: SizeTable | null = null;
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((cell) => cell.trim().replace(/`/g, ''));
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('|')) {
      current = null;
      continue;
    }
    if (!current) {
      current = { header: cells(line), rows: [] };
      tables.push(current);
    } else if (!/^\|?\s*:?-{2,}/.test(line.trim())) {
      current.rows.push(cells(line));
    }
  }
  return tables;
}

export default defineLoader({
  watch: [README],
  load(): BundleSizes {
    if (!existsSync(README)) return { tables: [], source: 'README.md' };
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) return { tables: [], source: 'README.md' };
    return { tables: parseTables(readme.slice(start + START.length, end)), source: 'README.md' };
  },
});
