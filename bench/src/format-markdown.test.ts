import { describe, expect, test } from 'vitest';
import { selectCases } from './cases';
import { formatMarkdown, formatValue } from './format-markdown';
import type { BenchReport } from './run-bench';
import type { BenchRow } from './types';

const columns: BenchReport['columns'] = [
  { lib: 'nagare-wasm', threads: 1, label: 'nagare-wasm ×1' },
  { lib: 'nagare-wasm', threads: 2, label: 'nagare-wasm ×2' },
  { lib: 'tfjs-wasm', threads: 1, label: 'tfjs-wasm' },
];

function row(
  suite: BenchRow['suite'],
  name: string,
  lib: BenchRow['lib'],
  threads: number,
  value: number | null,
  note?: string,
) {
  const unit = suite === 'dispatch' ? 'µs/op' : 'GFLOP/s';
  return { suite, case: name, lib, threads, value, unit, ...(note ? { note } : {}) } as BenchRow;
}

function report(rows: BenchRow[]): BenchReport {
  return {
    rows,
    columns,
    cases: selectCases(['matmul', 'dispatch'], ['1024', 'add 10']),
    environment: ['machine'],
  };
}

/** The cells of the table line that starts with `prefix`. */
function cells(markdown: string, prefix: string): string[] {
  const line = markdown.split('\n').find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`no line starts with ${prefix}`);
  return line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe('formatMarkdown', () => {
  test('prints the values with their unit direction, one column per library and thread count', () => {
    const markdown = formatMarkdown(
      report([
        row('matmul', '1024', 'nagare-wasm', 1, 20),
        row('matmul', '1024', 'nagare-wasm', 2, 38),
        row('matmul', '1024', 'tfjs-wasm', 1, 10),
        row('dispatch', 'add 10', 'nagare-wasm', 1, 0.5),
        row('dispatch', 'add 10', 'nagare-wasm', 2, 0.5),
        row('dispatch', 'add 10', 'tfjs-wasm', 1, 4),
      ]),
    );
    expect(markdown).toContain('- machine');
    expect(cells(markdown, '| suite | case | unit')).toEqual([
      'suite',
      'case',
      'unit',
      'nagare-wasm ×1',
      'nagare-wasm ×2',
      'tfjs-wasm',
    ]);
    expect(cells(markdown, '| matmul | 1024 | GFLOP/s')).toEqual([
      'matmul',
      '1024',
      'GFLOP/s ↑',
      '20.0',
      '38.0',
      '10.0',
    ]);
    expect(cells(markdown, '| dispatch | add 10 | µs/op')).toEqual([
      'dispatch',
      'add 10',
      'µs/op ↓',
      '0.500',
      '0.500',
      '4.00',
    ]);
  });

  test('gives each nagare column its ratio to every peer, and the thread scaling of nagare-wasm', () => {
    const markdown = formatMarkdown(
      report([
        row('matmul', '1024', 'nagare-wasm', 1, 20),
        row('matmul', '1024', 'nagare-wasm', 2, 38),
        row('matmul', '1024', 'tfjs-wasm', 1, 10),
        row('dispatch', 'add 10', 'nagare-wasm', 1, 0.5),
        row('dispatch', 'add 10', 'tfjs-wasm', 1, 4),
      ]),
    );
    expect(cells(markdown, '| suite | case | nagare')).toEqual([
      'suite',
      'case',
      'nagare',
      '/ tfjs-wasm',
      '/ nagare-wasm ×1',
    ]);
    expect(cells(markdown, '| matmul | 1024 | nagare-wasm ×1 |')).toEqual([
      'matmul',
      '1024',
      'nagare-wasm ×1',
      '2.00×',
      '',
    ]);
    expect(cells(markdown, '| matmul | 1024 | nagare-wasm ×2 |')).toEqual([
      'matmul',
      '1024',
      'nagare-wasm ×2',
      '3.80×',
      '1.90×',
    ]);
    // µs/op: the ratio of costs, so 0.125× means an eighth of tfjs-wasm's overhead.
    expect(cells(markdown, '| dispatch | add 10 | nagare-wasm ×1 |')[3]).toBe('0.13×');
    expect(cells(markdown, '| dispatch | add 10 | nagare-wasm ×2 |')[3]).toBe('–'); // no value: no ratio
  });

  test('prints the reason instead of a number when a library could not run a case', () => {
    const missing = "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'";
    const long = `a | b ${'x'.repeat(120)}`;
    const markdown = formatMarkdown(
      report([
        row('matmul', '1024', 'nagare-wasm', 1, 20),
        row('matmul', '1024', 'nagare-wasm', 2, null, long),
        row('matmul', '1024', 'tfjs-wasm', 1, null, missing),
      ]),
    );
    const values = cells(markdown, '| matmul | 1024 | GFLOP/s');
    expect(values[5]).toBe(`n/a (${missing})`);
    // Long reasons are cut in the cell (pipes escaped) and given in full under the tables.
    expect(values[4]).toMatch(/^n\/a \(a \\\| b x+… \[1\]\)$/);
    expect(markdown).toContain(`[1] matmul 1024, nagare-wasm ×2: ${long}`);
  });
});

describe('formatMarkdown with the small suite', () => {
  const smallColumns: BenchReport['columns'] = [
    { lib: 'nagare-js', threads: 1, label: 'nagare-js' },
    { lib: 'nagare-wasm', threads: 1, label: 'nagare-wasm ×1' },
    { lib: 'pytorch', threads: 1, label: 'pytorch' },
  ];
  const small = (name: string, lib: BenchRow['lib'], value: number | null): BenchRow => ({
    suite: 'small',
    case: `mlp 2-64-64-2 ${name}`,
    lib,
    threads: 1,
    value,
    unit: 'ms/step',
    ...(value === null ? { note: 'PyTorch has no fit()' } : {}),
  });
  const markdown = formatMarkdown({
    columns: smallColumns,
    cases: selectCases(['small']),
    environment: [],
    rows: [
      small('loop', 'nagare-js', 2),
      small('loop', 'nagare-wasm', 0.5),
      small('loop', 'pytorch', 0.25),
      small('fit', 'nagare-js', 3),
      small('fit', 'nagare-wasm', 0.6),
      small('fit', 'pytorch', null),
    ],
  });

  test('compares nagare with pytorch as with every peer, as a ratio of ms/step costs', () => {
    expect(cells(markdown, '| suite | case | nagare')).toEqual([
      'suite',
      'case',
      'nagare',
      '/ pytorch',
      '/ nagare-wasm ×1',
    ]);
    expect(cells(markdown, '| small | mlp 2-64-64-2 loop | nagare-wasm ×1 |')[3]).toBe('2.00×');
    expect(cells(markdown, '| small | mlp 2-64-64-2 loop | ms/step ↓')).toEqual([
      'small',
      'mlp 2-64-64-2 loop',
      'ms/step ↓',
      '2.00',
      '0.500',
      '0.250',
    ]);
  });

  test('prints fit / hand-written loop per step for each column that ran both, against the 1.3× target', () => {
    expect(markdown).toContain('target ≤ 1.3×');
    expect(cells(markdown, '| nagare-js |')).toEqual(['nagare-js', '2.00', '3.00', '1.50× (over)']);
    expect(cells(markdown, '| nagare-wasm ×1 |')).toEqual([
      'nagare-wasm ×1',
      '0.500',
      '0.600',
      '1.20× (within)',
    ]);
    expect(markdown.split('\n').some((line) => line.startsWith('| pytorch |'))).toBe(false);
  });
});

describe('formatValue', () => {
  test('keeps about three significant digits without exponents', () => {
    expect([12345.6, 123.4, 12.34, 1.234, 0.01234].map(formatValue)).toEqual([
      '12346',
      '123',
      '12.3',
      '1.23',
      '0.0123',
    ]);
  });
});
