// Bundle sizes: the min+gzip size of each package's browser entry and of each embedded wasm binary,
// checked against size-budget.json and recorded in the root README between marker comments.
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { formatBytes, root } from './workspace.mjs';

export const BUDGET_FILE = join(root, 'size-budget.json');
const README = join(root, 'README.md');
const START_MARKER = '<!-- size-report:start -->';
const END_MARKER = '<!-- size-report:end -->';
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const gzipBytes = (data) => gzipSync(data, { level: 9 }).length;

/**
 * Minifies the package's browser entry (`exports["."].browser`, else `.import`) for browsers with esbuild and
 * gzips it. `own` keeps other nagare packages external (what the package adds when its siblings are
 * already installed); `total` bundles them too. Third-party dependencies are always included and
 * Node built-ins (only reached on Node code paths) are left out.
 */
async function measureEntry(pkg, packageNames) {
  // What a web bundler picks: the `browser` condition where a package has one, else `import`.
  const conditions = pkg.manifest.exports?.['.'];
  const target = conditions?.browser ?? conditions?.import;
  const entry = join(pkg.dir, typeof target === 'string' ? target : (target?.default ?? pkg.manifest.module));
  const bundle = async (external) => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
      external,
    });
    return gzipBytes(result.outputFiles[0].contents);
  };
  return {
    own: await bundle([...NODE_BUILTINS, ...packageNames]),
    total: await bundle(NODE_BUILTINS),
  };
}

/** The wasm binaries embedded as base64 in @nagare/wasm's ESM build, by constant name. */
function embeddedWasmBinaries(wasmPackage) {
  const source = readFileSync(join(wasmPackage.dir, 'dist', 'index.js'), 'utf8');
  return [...source.matchAll(/\b([A-Z][A-Z0-9_]*)\s*=\s*["'](AGFzbQ[A-Za-z0-9+/=]+)["']/g)].map(
    ([, name, base64]) => {
      const bytes = Buffer.from(base64, 'base64');
      return { name, bytes: bytes.length, gzip: gzipBytes(bytes) };
    },
  );
}

/** Measures every package and wasm binary; `packed` supplies the tarball sizes. */
export async function measureSizes(packages, packed) {
  const names = packages.map((pkg) => pkg.name);
  const rows = [];
  for (const pkg of packages) {
    const { own, total } = await measureEntry(pkg, names);
    const tarball = packed.get(pkg.name);
    rows.push({
      name: pkg.name,
      own,
      total,
      packedBytes: tarball.packedBytes,
      unpackedBytes: tarball.unpackedBytes,
    });
  }
  const wasmPackage = packages.find((pkg) => pkg.name === '@nagare/wasm');
  return { rows, binaries: wasmPackage ? embeddedWasmBinaries(wasmPackage) : [] };
}

/**
 * Fails when a package's own min+gzip size or a wasm binary's gzip size exceeds its entry in
 * size-budget.json, or has no entry (a new package must get a budget in the same change).
 */
export function checkBudget(sizes, budget = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'))) {
  const problems = [];
  const compare = (label, actual, limit) => {
    if (typeof limit !== 'number')
      problems.push(`${label}: no budget in size-budget.json (measured ${actual} B)`);
    else if (actual > limit) {
      problems.push(`${label}: ${actual} B min+gzip exceeds its budget of ${limit} B by ${actual - limit} B`);
    }
  };
  for (const row of sizes.rows) compare(row.name, row.own, budget.packages?.[row.name]);
  for (const binary of sizes.binaries)
    compare(`@nagare/wasm ${binary.name}`, binary.gzip, budget.wasm?.[binary.name]);
  if (problems.length > 0) {
    throw new Error(
      `${problems.join('\n')}\nIf the growth is intended, raise the budget in size-budget.json in the same change.`,
    );
  }
  return `${sizes.rows.length} packages and ${sizes.binaries.length} wasm binaries within size-budget.json`;
}

/**
 * A Markdown table with padded columns, laid out the way Biome formats Markdown, so the README
 * stays lint-clean after --write-readme. The first column is left-aligned, the others right-aligned.
 */
function markdownTable(header, rows) {
  const widths = header.map((_, column) =>
    Math.max(3, ...[header, ...rows].map((row) => row[column].length)),
  );
  const pad = (cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]));
  const line = (cells) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = widths.map((width, column) =>
    column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`,
  );
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The size report as Markdown tables (also what the README records). */
export function formatSizeTable(sizes, budget = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'))) {
  const orNone = (bytes) => (typeof bytes === 'number' ? formatBytes(bytes) : 'none');
  const packageTable = markdownTable(
    [
      'package',
      'packed (.tgz)',
      'unpacked',
      'browser entry, min+gzip',
      'budget',
      'with its nagare deps, min+gzip',
    ],
    sizes.rows.map((row) => [
      `\`${row.name}\``,
      formatBytes(row.packedBytes),
      formatBytes(row.unpackedBytes),
      formatBytes(row.own),
      orNone(budget.packages?.[row.name]),
      formatBytes(row.total),
    ]),
  );
  if (sizes.binaries.length === 0) return packageTable;
  const binaryTable = markdownTable(
    ['wasm binary (embedded in `@nagare/wasm`)', 'raw', 'gzip', 'budget'],
    sizes.binaries.map((binary) => [
      `\`${binary.name}\``,
      formatBytes(binary.bytes),
      formatBytes(binary.gzip),
      orNone(budget.wasm?.[binary.name]),
    ]),
  );
  return `${packageTable}\n\n${binaryTable}`;
}

/**
 * The rows of `recorded` (the README's table) that differ from `measured`, as
 * `README: <row>` / `measured: <row>` pairs; empty when they agree. Cell contents are compared,
 * not padding, so a formatter's different alignment is not a difference.
 */
export function tableDifferences(recorded, measured) {
  const rows = (text) =>
    text
      .trim()
      .split('\n')
      .map((row) =>
        row
          .replace(/[ \t]+/g, ' ')
          .replace(/-+:?/g, '-')
          .trim(),
      );
  const [was, now] = [rows(recorded), rows(measured)];
  const differences = [];
  for (let i = 0; i < Math.max(was.length, now.length); i++) {
    if (was[i] !== now[i])
      differences.push(`README:   ${was[i] ?? '(no row)'}\nmeasured: ${now[i] ?? '(no row)'}`);
  }
  return differences;
}

/**
 * The differences between the README's recorded size table and `table` (see `tableDifferences`);
 * with `shouldWrite`, rewrites the README's table when there are any.
 */
export function syncReadme(table, shouldWrite) {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START_MARKER} … ${END_MARKER} section`);
  const differences = tableDifferences(readme.slice(start + START_MARKER.length, end), table);
  if (differences.length > 0 && shouldWrite) {
    writeFileSync(README, `${readme.slice(0, start + START_MARKER.length)}\n${table}\n${readme.slice(end)}`);
  }
  return differences;
}
