import { describe, expect, test } from 'vitest';
import { formatDuration, formatNumber, formatTable, percent } from './format';

describe('format helpers', () => {
  test('percent shows two decimals and a dash for missing values', () => {
    expect(percent(0.98123)).toBe('98.12%');
    expect(percent(undefined)).toBe('—');
    expect(percent(Number.NaN)).toBe('—');
  });

  test('formatNumber keeps integers whole and gives others four significant digits', () => {
    expect(formatNumber(60000)).toBe('60,000');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(0.00001234)).toBe('1.23e-5');
    expect(formatNumber(null)).toBe('—');
  });

  test('formatDuration switches units at a minute and an hour', () => {
    expect(formatDuration(12.34)).toBe('12.3s');
    expect(formatDuration(245)).toBe('4m 05s');
    expect(formatDuration(3720)).toBe('1h 02m');
  });

  test('formatTable aligns columns and right-aligns numeric ones', () => {
    const table = formatTable(
      ['name', 'values'],
      [
        ['a.weight', 1200],
        ['bias', 7],
      ],
    );
    expect(table.split('\n')).toEqual([
      'name      values',
      '────────  ──────',
      'a.weight   1,200',
      'bias           7',
    ]);
  });
});
