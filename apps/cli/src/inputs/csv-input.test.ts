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
  expect(() => parseCsvSamples('1,2\n1,oops', 2, 'a.csv')).toThrow('a.csv: line 2: "oops" is not a number');
  expect(() => parseCsvSamples('a,b\n', 2, 'a.csv')).toThrow(CliError);
});

test('a first line with a typo among numbers is an error, not a skipped header', () => {
  expect(() => parseCsvSamples('0.5,0.2x\n1,2\n', 2, 'p.csv')).toThrow(
    'p.csv: line 1: "0.2x" is not a number',
  );
});

test('values float32 cannot hold and non-decimal numbers are errors', () => {
  expect(() => parseCsvSamples('3.5e38,1\n', 2, 'p.csv')).toThrow(
    'p.csv: line 1: "3.5e38" is outside the float32 range',
  );
  expect(() => parseCsvSamples('1,2\n0x10,1\n', 2, 'p.csv')).toThrow('p.csv: line 2: "0x10" is not a number');
});
