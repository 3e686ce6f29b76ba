import type { BenchColumn, BenchReport } from './run-bench';
import { type BenchRow, type CaseSpec, isLowerBetter } from './types';

/** Longest failure reason shown inside a table cell; longer ones are cut and given in full below. */
const CELL_REASON_LENGTH = 90;

const NAGARE_LIBS = new Set(['nagare-js', 'nagare-wasm']);

/** A value with about three significant digits, without exponent notation. */
export function formatValue(value: number): string {
  if (value >= 100) return Math.round(value).toString();
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function findRow(rows: readonly BenchRow[], spec: CaseSpec, column: BenchColumn): BenchRow | undefined {
  return rows.find(
    (row) =>
      row.suite === spec.suite &&
      row.case === spec.name &&
      row.lib === column.lib &&
      row.threads === column.threads,
  );
}

function ratio(nagare: BenchRow | undefined, peer: BenchRow | undefined): string {
  if (nagare?.value == null || peer?.value == null || peer.value === 0) return '–';
  const r = nagare.value / peer.value;
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

function table(header: string[], body: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
    ...body.map((cells) => `| ${cells.join(' | ')} |`),
  ];
}

function valueCell(row: BenchRow | undefined, notes: string[]): string {
  if (!row) return '';
  if (row.value !== null) return formatValue(row.value);
  const reason = row.note ?? 'not measured';
  if (reason.length <= CELL_REASON_LENGTH) return `n/a (${escapeCell(reason)})`;
  notes.push(`${row.suite} ${row.case}, ${row.lib} ×${row.threads}: ${reason}`);
  return `n/a (${escapeCell(reason.slice(0, CELL_REASON_LENGTH))}… [${notes.length}])`;
}

/** Issue 16's bound on what `fit` may cost over a hand-written loop of the same steps. */
const FIT_OVERHEAD_TARGET = 1.3;

/**
 * The `small` suite's `fit` / hand-written loop ratio of time per step, for every column that ran
 * both cases (nagare's): empty when they were not both measured.
 */
function fitSection(report: BenchReport): string[] {
  const loop = report.cases.find((spec) => spec.suite === 'small' && spec.loop === 'loop');
  const fitCase = report.cases.find((spec) => spec.suite === 'small' && spec.loop === 'fit');
  if (!loop || !fitCase) return [];
  const body: string[][] = [];
  for (const column of report.columns) {
    const looped = findRow(report.rows, loop, column);
    const fitted = findRow(report.rows, fitCase, column);
    if (looped?.value == null || fitted?.value == null) continue;
    const r = fitted.value / looped.value;
    const verdict = r <= FIT_OVERHEAD_TARGET ? 'within' : 'over';
    body.push([
      column.label,
      formatValue(looped.value),
      formatValue(fitted.value),
      `${r.toFixed(2)}× (${verdict})`,
    ]);
  }
  if (body.length === 0) return [];
  return [
    '',
    `### \`fit\` / hand-written loop (small suite, ms/step; target ≤ ${FIT_OVERHEAD_TARGET}×)`,
    '',
    `| column | loop | fit | fit / loop |`,
    '| --- | ---: | ---: | ---: |',
    ...body.map((cells) => `| ${cells.join(' | ')} |`),
  ];
}

/**
 * The report as markdown: the machine and library versions, a table of the median values (one
 * column per library and thread count; ↑ marks units where higher is better, ↓ where lower is),
 * and a table of ratios nagare / peer of those values for every nagare column, plus
 * nagare-wasm ×k / ×1 for the thread scaling; with the `small` suite, the `fit` / hand-written loop
 * ratio per step of each nagare column.
 *
 * @example
 * console.log(formatMarkdown(await runBench({ suites: ['dispatch'] })));
 */
export function formatMarkdown(report: BenchReport): string {
  const { rows, columns, cases } = report;
  const notes: string[] = [];
  const valueBody = cases.map((spec) => {
    const unit = rows.find((row) => row.suite === spec.suite)?.unit ?? '';
    const arrow = unit && isLowerBetter(unit) ? '↓' : '↑';
    return [
      spec.suite,
      spec.name,
      `${unit} ${arrow}`,
      ...columns.map((c) => valueCell(findRow(rows, spec, c), notes)),
    ];
  });
  const nagareColumns = columns.filter((c) => NAGARE_LIBS.has(c.lib));
  const peerColumns = columns.filter((c) => !NAGARE_LIBS.has(c.lib));
  const oneThreadWasm = columns.find((c) => c.lib === 'nagare-wasm' && c.threads === 1);
  const ratioHeader = ['suite', 'case', 'nagare', ...peerColumns.map((c) => `/ ${c.label}`)];
  if (oneThreadWasm) ratioHeader.push(`/ ${oneThreadWasm.label}`);
  const ratioBody: string[][] = [];
  for (const spec of cases) {
    for (const column of nagareColumns) {
      const nagare = findRow(rows, spec, column);
      const cells = [
        spec.suite,
        spec.name,
        column.label,
        ...peerColumns.map((p) => ratio(nagare, findRow(rows, spec, p))),
      ];
      if (oneThreadWasm) {
        const isScaling = column.lib === 'nagare-wasm' && column.threads > 1;
        cells.push(isScaling ? ratio(nagare, findRow(rows, spec, oneThreadWasm)) : '');
      }
      ratioBody.push(cells);
    }
  }
  const lines = [
    '## nagare benchmark',
    '',
    ...report.environment.map((line) => `- ${line}`),
    '',
    '### Median values',
    '',
    ...table(['suite', 'case', 'unit', ...columns.map((c) => c.label)], valueBody),
    '',
    '### Ratios nagare / peer (of the values above: > 1 is faster for ↑ units, < 1 is faster for ↓ units)',
    '',
    ...table(ratioHeader, ratioBody),
    ...fitSection(report),
  ];
  if (notes.length > 0) lines.push('', ...notes.map((note, i) => `[${i + 1}] ${note}`));
  return `${lines.join('\n')}\n`;
}
