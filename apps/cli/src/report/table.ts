import { formatNumber } from '../util/format';
import { escapeHtml } from './svg';

/** A table cell: text as is, numbers formatted (4 significant digits), null as "—". */
export type TableCell = string | number | null;

/** What `htmlTable` draws. */
export interface TableOptions {
  header: readonly string[];
  rows: readonly (readonly TableCell[])[];
  /** Bold the row with the largest (`'max'`) or smallest (`'min'`) number in `column`. */
  highlight?: { column: number; mode: 'max' | 'min' };
  /** Formats the numbers of a column (by index), e.g. as percentages. */
  formats?: Readonly<Record<number, (value: number) => string>>;
}

/**
 * An HTML table for a report: a header row, numbers right-aligned in tabular figures, every cell
 * escaped, and optionally the best row in bold (the best accuracy of a comparison).
 *
 * @example
 * htmlTable({ header: ['activation', 'test accuracy'], rows: [['relu', 0.979], ['sigmoid', 0.951]],
 *   highlight: { column: 1, mode: 'max' }, formats: { 1: percent } });
 */
export function htmlTable(options: TableOptions): string {
  const { highlight, formats = {} } = options;
  let best = -1;
  if (highlight) {
    let bestValue = highlight.mode === 'max' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    options.rows.forEach((row, index) => {
      const value = row[highlight.column];
      if (typeof value !== 'number' || !Number.isFinite(value)) return;
      if (highlight.mode === 'max' ? value > bestValue : value < bestValue) {
        bestValue = value;
        best = index;
      }
    });
  }
  const cell = (value: TableCell, column: number) => {
    if (typeof value === 'number') {
      const format = formats[column];
      return `<td class="num">${escapeHtml(format ? format(value) : formatNumber(value))}</td>`;
    }
    return `<td>${escapeHtml(value ?? '—')}</td>`;
  };
  const head = `<tr>${options.header.map((title) => `<th>${escapeHtml(title)}</th>`).join('')}</tr>`;
  const body = options.rows
    .map(
      (row, index) =>
        `<tr${index === best ? ' class="best"' : ''}>${row.map((value, column) => cell(value, column)).join('')}</tr>`,
    )
    .join('');
  return `<table class="data">${head}${body}</table>`;
}
