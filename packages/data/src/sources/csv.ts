import Papa from 'papaparse';
import { DataFormatError } from '../errors/data-format-error';
import { TensorDataset } from '../tensor-dataset';

/** Options of csvDataset. */
export interface CsvOptions {
  /** Name of the target column. */
  target: string;
  /** 'class' maps target values to class indices (int32); 'number' keeps them as float32. Default: 'class' unless every value is numeric. */
  targetType?: 'class' | 'number';
  /** Feature columns to one-hot encode; others are numeric. Default: every non-numeric column. */
  categorical?: readonly string[];
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

const isNumeric = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));

/**
 * Parses CSV text with a header row into features (float32 [N, F]; categorical columns one-hot)
 * and a target column. Missing values give a clear error or the chosen fill.
 *
 * @example
 * const { dataset, classes } = csvDataset(text, { target: 'species' });
 */
export function csvDataset(text: string, options: CsvOptions): CsvResult {
  const file = options.file ?? 'CSV data';
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new DataFormatError(file, `row ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  const rows = parsed.data;
  const columns = parsed.meta.fields ?? [];
  if (!columns.includes(options.target))
    throw new DataFormatError(file, `no target column "${options.target}" (columns: ${columns.join(', ')})`);
  if (rows.length === 0) throw new DataFormatError(file, 'no data rows');
  const features = columns.filter((c) => c !== options.target);
  const categorical = new Set(
    options.categorical ?? features.filter((c) => rows.some((r) => r[c].trim() !== '' && !isNumeric(r[c]))),
  );
  const encoders = features.map((name) =>
    encodeColumn(file, name, rows, categorical.has(name), options.missing ?? 'error'),
  );
  const featureNames = encoders.flatMap((e) => e.names);
  const width = featureNames.length;
  const x = new Float32Array(rows.length * width);
  rows.forEach((_, r) => {
    let offset = r * width;
    for (const e of encoders) for (const v of e.rowValues(r)) x[offset++] = v;
  });
  const targets = rows.map((r) => r[options.target]);
  const targetType = options.targetType ?? (targets.every(isNumeric) ? 'number' : 'class');
  if (targetType === 'number') {
    const bad = targets.findIndex((v) => !isNumeric(v));
    if (bad >= 0) throw new DataFormatError(file, `row ${bad + 2}: target "${targets[bad]}" is not a number`);
    return {
      dataset: TensorDataset.fromColumns([
        { values: x, shape: [rows.length, width], dtype: 'float32' },
        { values: Float32Array.from(targets, Number), shape: [rows.length], dtype: 'float32' },
      ]),
      featureNames,
    };
  }
  const classes = [...new Set(targets)].sort();
  return {
    dataset: TensorDataset.fromColumns([
      { values: x, shape: [rows.length, width], dtype: 'float32' },
      { values: Int32Array.from(targets, (t) => classes.indexOf(t)), shape: [rows.length], dtype: 'int32' },
    ]),
    featureNames,
    classes,
  };
}

function encodeColumn(
  file: string,
  name: string,
  rows: Record<string, string>[],
  isCategorical: boolean,
  missing: CsvOptions['missing'],
) {
  if (isCategorical) {
    const levels = [...new Set(rows.map((r) => r[name]))].sort();
    return {
      names: levels.map((l) => `${name}=${l}`),
      rowValues: (r: number) => levels.map((l) => (rows[r][name] === l ? 1 : 0)),
    };
  }
  const values = rows.map((r, i) => {
    const cell = r[name].trim();
    if (cell === '') return Number.NaN;
    if (!isNumeric(cell))
      throw new DataFormatError(file, `row ${i + 2}, column "${name}": "${cell}" is not a number`);
    return Number(cell);
  });
  const firstMissing = values.findIndex(Number.isNaN);
  if (firstMissing >= 0) {
    if (missing === 'error' || missing === undefined) {
      throw new DataFormatError(
        file,
        `row ${firstMissing + 2}, column "${name}": missing value (choose a fill with the missing option)`,
      );
    }
    const present = values.filter((v) => !Number.isNaN(v));
    const fill =
      missing === 'mean' ? present.reduce((a, b) => a + b, 0) / Math.max(present.length, 1) : missing;
    values.forEach((v, i) => {
      if (Number.isNaN(v)) values[i] = fill;
    });
  }
  return { names: [name], rowValues: (r: number) => [values[r]] };
}
