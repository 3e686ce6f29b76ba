import { CliError } from '../errors/cli-error';

/** One sample parsed from a CSV row: its values and, when the row carries one, its label. */
export interface CsvSample {
  values: Float32Array;
  label: number | null;
  line: number;
}

// Plain decimal numbers only: Number() would also take "0x10", "0b101", "Infinity" and "".
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
// The largest finite float32; anything beyond becomes Infinity in the model's input.
const FLOAT32_MAX = 3.4028234663852886e38;

/** A header has no number in any cell; a row with some numbers is data with a typo. */
const isHeader = (cells: readonly string[]) => cells.every((cell) => !DECIMAL.test(cell));

/** The cell's number, or a CliError naming the line, the column and what is wrong. */
function parseCell(cell: string, line: number, column: number, source: string): number {
  const where = `line ${line}, column ${column}`;
  if (!DECIMAL.test(cell)) throw new CliError(source, `${where}: "${cell}" is not a number`);
  const value = Number(cell);
  if (Math.abs(value) > FLOAT32_MAX)
    throw new CliError(source, `${where}: ${cell} is too large for float32 (at most ±3.4e38)`);
  return value;
}

/**
 * Parses CSV rows of `size` numbers each (a sample's values in row-major order). A row of `size + 1`
 * numbers has its label first (the layout of the common MNIST CSV files). A first line with no
 * number in it is a header and skipped; any other non-number, or a value beyond float32's range, is
 * an error naming the line and column. `source` names the file (or "input row") in errors.
 *
 * @example
 * parseCsvSamples('0.5,-0.25\n', 2, 'input'); // [{ values: [0.5, -0.25], label: null, line: 1 }]
 */
export function parseCsvSamples(text: string, size: number, source: string): CsvSample[] {
  const samples: CsvSample[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const cells = line.split(/[,;\t]/).map((cell) => cell.trim());
    if (index === 0 && isHeader(cells)) return;
    if (cells.length !== size && cells.length !== size + 1) {
      throw new CliError(
        source,
        `line ${index + 1}: expected ${size} values (or a label and ${size} values), got ${cells.length}`,
      );
    }
    const numbers = cells.map((cell, column) => parseCell(cell, index + 1, column + 1, source));
    const hasLabel = numbers.length === size + 1;
    samples.push({
      values: Float32Array.from(hasLabel ? numbers.slice(1) : numbers),
      label: hasLabel ? numbers[0] : null,
      line: index + 1,
    });
  });
  if (samples.length === 0) throw new CliError(source, 'no CSV rows with numbers');
  return samples;
}
