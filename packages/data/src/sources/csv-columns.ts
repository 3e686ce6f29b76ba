import { DataFormatError } from '../errors/data-format-error';

// Decimal numbers only: "0x10", "0b101", "1e", "Infinity" and "" are not numbers in a CSV cell.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** True when `cell` (trimmed) is a decimal number. */
export const isDecimal = (cell: string): boolean => DECIMAL.test(cell.trim());

/** A header-less view of the parsed rows: `cell(r, c)` of data row `r` (0-based) and column `c`. */
export interface CsvTable {
  file: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/** The file's row number of data row `r`: the header is row 1. */
export const rowNumber = (r: number): number => r + 2;

/**
 * A cell's number as float32 stores it: a decimal that float32 cannot hold (3.5e38 overflows to
 * Infinity) is an error naming the row and column, like any other bad cell.
 */
export function parseDecimal(table: CsvTable, r: number, column: string, cell: string): number {
  const value = Math.fround(Number(cell.trim()));
  if (!isDecimal(cell) || !Number.isFinite(value)) {
    const why = isDecimal(cell) ? 'is outside the float32 range' : 'is not a number';
    throw new DataFormatError(table.file, `row ${rowNumber(r)}, column "${column}": "${cell.trim()}" ${why}`);
  }
  return value;
}

/** How one feature column becomes features: its names and a writer for one row's values. */
export interface ColumnEncoder {
  names: string[];
  /** Writes row `r`'s features into `out` from `offset` (the slots start zeroed). */
  write: (r: number, out: Float32Array, offset: number) => void;
}

/**
 * One-hot encoding: one feature per distinct value, sorted. More than `maxCategories` distinct
 * values is an error naming the column, found while counting (before anything is allocated), so
 * an ID column cannot turn a small file into rows × IDs features.
 */
export function oneHotEncoder(table: CsvTable, c: number, maxCategories: number): ColumnEncoder {
  const name = table.columns[c];
  const seen = new Set<string>();
  for (const row of table.rows) {
    seen.add(row[c]);
    if (seen.size > maxCategories) {
      throw new DataFormatError(
        table.file,
        `column "${name}" has more than ${maxCategories} distinct values to one-hot encode (raise maxCategories, or leave the column out)`,
      );
    }
  }
  const levels = [...seen].sort();
  const index = new Map(levels.map((level, i) => [level, i]));
  return {
    names: levels.map((level) => `${name}=${level}`),
    write: (r, out, offset) => {
      out[offset + index.get(table.rows[r][c])!] = 1;
    },
  };
}

/** A numeric column, its empty cells an error or filled (with the column mean or a number). */
export function numericEncoder(
  table: CsvTable,
  c: number,
  missing: 'error' | 'mean' | number,
): ColumnEncoder {
  const name = table.columns[c];
  const values = table.rows.map((row, r) =>
    row[c].trim() === '' ? Number.NaN : parseDecimal(table, r, name, row[c]),
  );
  const firstMissing = values.findIndex(Number.isNaN);
  if (firstMissing >= 0) {
    if (missing === 'error') {
      throw new DataFormatError(
        table.file,
        `row ${rowNumber(firstMissing)}, column "${name}": missing value (choose a fill with the missing option)`,
      );
    }
    const present = values.filter((v) => !Number.isNaN(v));
    const fill =
      missing === 'mean' ? present.reduce((a, b) => a + b, 0) / Math.max(present.length, 1) : missing;
    values.forEach((v, i) => {
      if (Number.isNaN(v)) values[i] = fill;
    });
  }
  return {
    names: [name],
    write: (r, out, offset) => {
      out[offset] = values[r];
    },
  };
}

/**
 * Whether a column not listed in `categorical` is numeric (true) or text (false). A column that
 * mixes decimals and text is an error naming the column and the first cell of the minority kind:
 * most often a numeric column with one typo, which would otherwise be one-hot encoded silently.
 */
export function detectNumeric(table: CsvTable, c: number): boolean {
  let firstNumber = -1;
  let firstText = -1;
  let numbers = 0;
  let texts = 0;
  table.rows.forEach((row, r) => {
    const cell = row[c].trim();
    if (cell === '') return;
    if (isDecimal(cell)) {
      numbers++;
      if (firstNumber < 0) firstNumber = r;
    } else {
      texts++;
      if (firstText < 0) firstText = r;
    }
  });
  if (texts === 0) return true;
  if (numbers === 0) return false;
  const r = numbers >= texts ? firstText : firstNumber;
  throw new DataFormatError(
    table.file,
    `column "${table.columns[c]}" mixes numbers and text (row ${rowNumber(r)}: "${table.rows[r][c].trim()}"); list it in the categorical option to one-hot encode it`,
  );
}
