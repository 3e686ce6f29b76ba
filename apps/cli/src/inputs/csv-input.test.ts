import { expect, test } from 'vitest';
import { CliError } from '../errors/cli-error';
import { parseCsvSamples } from './csv-input';

test('parses rows of values, skipping a header and blank lines', () => {
  const samples = parseCsvSamples('x,y\n0.5,-0.25\n\n1,2\n', 2, 'points.csv');
  expect(samples.map((s) => [Array.from(s.values), s.label, s.line])).toEqual([
    [[0.5, -0.25], null, 2],
    [[1, 2], null, 4],
  ]);
});

test('a row with one extra value carries its label first', () => {
  const [sample] = parseCsvSamples('7,0,128,255', 3, 'input row');
  expect(sample.label).toBe(7);
  expect(Array.from(sample.values)).toEqual([0, 128, 255]);
});

test('wrong counts and non-numbers name the source and the line', () => {
  expect(() => parseCsvSamples('1,2\n1,2,3,4', 2, 'a.csv')).toThrow(
    'a.csv: line 2: expected 2 values (or a label and 2 values), got 4',
  );
  expect(() => parseCsvSamples('1,2\n1,oops', 2, 'a.csv')).toThrow(
    'a.csv: line 2, column 2: "oops" is not a number',
  );
  expect(() => parseCsvSamples('a,b\n', 2, 'a.csv')).toThrow(CliError);
});

test('a typo on line 1 is an error naming its cell, not a skipped header', () => {
  expect(() => parseCsvSamples('0.5,O.25\n1,2\n', 2, 'a.csv')).toThrow(
    'a.csv: line 1, column 2: "O.25" is not a number',
  );
  expect(parseCsvSamples('x,y\n1,2\n', 2, 'a.csv')).toHaveLength(1);
});

test('hexadecimal, binary and infinite spellings are not numbers', () => {
  for (const cell of ['0x10', '0b101', 'Infinity', 'NaN'])
    expect(() => parseCsvSamples(`1,2\n1,${cell}`, 2, 'a.csv'), cell).toThrow(`line 2, column 2: "${cell}"`);
});

test('a value beyond float32 names its cell instead of becoming Infinity', () => {
  expect(() => parseCsvSamples('1,3.5e38', 2, 'a.csv')).toThrow(
    'a.csv: line 1, column 2: 3.5e38 is too large for float32',
  );
  expect(Array.from(parseCsvSamples('1,3.4e38', 2, 'a.csv')[0].values)[1]).toBeCloseTo(3.4e38, -32);
});
