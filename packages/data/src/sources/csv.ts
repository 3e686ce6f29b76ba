import { getMaxElements } from '@nagare/tensor';
import Papa from 'papaparse';
import { DataFormatError } from '../errors/data-format-error';
import { TensorDataset } from '../tensor-dataset';
import {
  type ColumnEncoder,
  type CsvTable,
  detectNumeric,
  isDecimal,
  numericEncoder,
  oneHotEncoder,
  parseDecimal,
  rowNumber,
} from './csv-columns';

/** How many distinct values `csvDataset` one-hot encodes per column unless told otherwise. */
export const DEFAULT_MAX_CATEGORIES = 1000;

/** Options of csvDataset. */
export interface CsvOptions {
  /** Name of the target column. */
  target: string;
  /** 'class' maps target values to class indices (int32); 'number' keeps them as float32. Default: 'class' unless every value is a decimal number. */
  targetType?: 'class' | 'number';
  /**
   * Feature columns to one-hot encode; others are numeric. Default: every column with no decimal
   * number in it. A column that mixes numbers and text is an error unless it is listed here.
   */
  categorical?: readonly string[];
  /** Most distinct values a one-hot encoded column may have (default `DEFAULT_MAX_CATEGORIES`, 1000). */
  maxCategories?: number;
  /** Missing (empty) numeric cells: 'error' (default), 'mean' of the column, or a fill number. */
  missing?: 'error' | 'mean' | number;
  /** Name used in error messages (e.g. the file path). */
  file?: string;
}

/** What csvDataset returns: the dataset plus how columns were encoded. */
export interface CsvResult {
  dataset: TensorDataset;
  featureNames: string[];
  /** Class names in index order, when the target is categorical. */
  classes?: string[];
}

/** Parses the text into a header and rows of exactly as many cells, with unique column names. */
function readTable(text: string, file: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.trim(), { header: false, skipEmptyLines: true });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new DataFormatError(file, `row ${(e.row ?? 0) + 1}: ${e.message}`);
  }
  const [columns = [], ...rows] = parsed.data;
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name)) throw new DataFormatError(file, `column "${name}" appears twice in the header`);
    seen.add(name);
  }
  rows.forEach((row, r) => {
    if (row.length !== columns.length) {
      throw new DataFormatError(
        file,
        `row ${rowNumber(r)}: ${row.length} cells, the header has ${columns.length} columns`,
      );
    }
  });
  return { file, columns, rows };
}

function encoders(table: CsvTable, targetIndex: number, options: CsvOptions): ColumnEncoder[] {
  const listed = new Set(options.categorical ?? []);
  const unknown = [...listed].filter((name) => !table.columns.includes(name));
  if (unknown.length) {
    throw new DataFormatError(
      table.file,
      `categorical names no column "${unknown[0]}" (columns: ${table.columns.join(', ')})`,
    );
  }
  const maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  return table.columns.flatMap((name, c) => {
    if (c === targetIndex) return [];
    const isCategorical = listed.has(name) || (options.categorical === undefined && !detectNumeric(table, c));
    return [
      isCategorical
        ? oneHotEncoder(table, c, maxCategories)
        : numericEncoder(table, c, options.missing ?? 'error'),
    ];
  });
}

/** The features as one float32 [rows, width] matrix, its size checked before it is allocated. */
function featureMatrix(table: CsvTable, columns: readonly ColumnEncoder[], width: number): Float32Array {
  const count = table.rows.length * width;
  if (count > getMaxElements()) {
    throw new DataFormatError(
      table.file,
      `${table.rows.length} rows × ${width} features is above the tensor size limit of ${getMaxElements()} (setMaxElements)`,
    );
  }
  const x = new Float32Array(count);
  for (let r = 0; r < table.rows.length; r++) {
    let offset = r * width;
    for (const column of columns) {
      column.write(r, x, offset);
      offset += column.names.length;
    }
  }
  return x;
}

/**
 * Parses CSV text with a header row into features (float32 [N, F]; categorical columns one-hot,
 * at most `maxCategories` values each) and a target column. Only decimal numbers count as numbers
 * (`0x10` is text); a column mixing numbers and text, an empty target cell or a number float32
 * cannot hold is a `DataFormatError` naming the row or column. Missing feature values give a clear
 * error or the chosen fill. Column names are any text, `__proto__` included.
 *
 * @example
 * const { dataset, classes } = csvDataset(text, { target: 'species' });
 */
export function csvDataset(text: string, options: CsvOptions): CsvResult {
  const file = options.file ?? 'CSV data';
  const table = readTable(text, file);
  const targetIndex = table.columns.indexOf(options.target);
  if (targetIndex < 0)
    throw new DataFormatError(
      file,
      `no target column "${options.target}" (columns: ${table.columns.join(', ')})`,
    );
  if (table.rows.length === 0) throw new DataFormatError(file, 'no data rows');
  const targets = table.rows.map((row) => row[targetIndex]);
  const empty = targets.findIndex((cell) => cell.trim() === '');
  if (empty >= 0)
    throw new DataFormatError(file, `row ${rowNumber(empty)}: the target "${options.target}" is empty`);
  const columns = encoders(table, targetIndex, options);
  const featureNames = columns.flatMap((column) => column.names);
  const width = featureNames.length;
  const x = {
    values: featureMatrix(table, columns, width),
    shape: [table.rows.length, width],
    dtype: 'float32' as const,
  };
  const targetType = options.targetType ?? (targets.every(isDecimal) ? 'number' : 'class');
  if (targetType === 'number') {
    const y = Float32Array.from(targets, (cell, r) => parseDecimal(table, r, options.target, cell));
    return {
      dataset: TensorDataset.fromColumns([x, { values: y, shape: [y.length], dtype: 'float32' }]),
      featureNames,
    };
  }
  const classes = [...new Set(targets)].sort();
  const classIndex = new Map(classes.map((name, i) => [name, i]));
  const y = Int32Array.from(targets, (cell) => classIndex.get(cell)!);
  return {
    dataset: TensorDataset.fromColumns([x, { values: y, shape: [y.length], dtype: 'int32' }]),
    featureNames,
    classes,
  };
}
