import { CliError } from '../errors/cli-error';

/** One sample parsed from a CSV row: its values and, when the row carries one, its label. */
export interface CsvSample {
  values: Float32Array;
  label: number | null;
  line: number;
}

/**
 * Parses CSV rows of `size` numbers each (a sample's values in row-major order). A row of `size + 1`
 * numbers has its label first (the layout of the common MNIST CSV files). A first line that is not
 * numeric is a header and skipped. `source` names the file (or "input") in errors.
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
    const numbers = cells.map(Number);
    if (numbers.some((n, i) => cells[i] === '' || !Number.isFinite(n))) {
      if (index === 0 && samples.length === 0) return; // a header row
      const bad = cells.find((cell, i) => cell === '' || !Number.isFinite(numbers[i]));
      throw new CliError(source, `line ${index + 1}: "${bad}" is not a number`);
    }
    if (numbers.length !== size && numbers.length !== size + 1) {
      throw new CliError(
        source,
        `line ${index + 1}: expected ${size} values (or a label and ${size} values), got ${numbers.length}`,
      );
    }
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
