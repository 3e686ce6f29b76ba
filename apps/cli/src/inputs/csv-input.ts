import { CliError } from '../errors/cli-error';

/** One sample parsed from a CSV row: its values and, when the row carries one, its label. */
export interface CsvSample {
  values: Float32Array;
  label: number | null;
  line: number;
}

// Decimal numbers only: "0x10", "0b101", "1e" and "Infinity" are not values of a sample.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A cell's float32 value, or null when it is not a decimal number float32 can hold. */
function cellValue(cell: string): number | null {
  if (!DECIMAL.test(cell)) return null;
  const value = Math.fround(Number(cell));
  return Number.isFinite(value) ? value : null;
}

/**
 * Parses CSV rows of `size` numbers each (a sample's values in row-major order). A row of `size + 1`
 * numbers has its label first (the layout of the common MNIST CSV files). A first line with no
 * number in it is a header and skipped; a first line with some numbers and a typo is an error, not
 * a header. Values are decimal numbers float32 can hold (3.5e38 is an error, not Infinity).
 * `source` names the file (or "input") in errors.
 *
 * @example
 * parseCsvSamples('0.5,-0.25\n', 2, 'input'); // [{ values: [0.5, -0.25], label: null, line: 1 }]
 */
export function parseCsvSamples(text: string, size: number, source: string): CsvSample[] {
  const lines = text.split(/\r?\n/);
  const samples: CsvSample[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const cells = line.split(/[,;\t]/).map((cell) => cell.trim());
    const numbers = cells.map(cellValue);
    const bad = numbers.findIndex((n) => n === null);
    if (bad >= 0) {
      const isHeader = index === 0 && samples.length === 0 && cells.every((cell) => !DECIMAL.test(cell));
      if (isHeader) return;
      const why = DECIMAL.test(cells[bad]) ? 'is outside the float32 range' : 'is not a number';
      throw new CliError(source, `line ${index + 1}: "${cells[bad]}" ${why}`);
    }
    if (numbers.length !== size && numbers.length !== size + 1) {
      throw new CliError(
        source,
        `line ${index + 1}: expected ${size} values (or a label and ${size} values), got ${numbers.length}`,
      );
    }
    const values = numbers as number[];
    const hasLabel = values.length === size + 1;
    samples.push({
      values: Float32Array.from(hasLabel ? values.slice(1) : values),
      label: hasLabel ? values[0] : null,
      line: index + 1,
    });
  });
  if (samples.length === 0) throw new CliError(source, 'no CSV rows with numbers');
  return samples;
}
