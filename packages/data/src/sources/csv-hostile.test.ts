import { describe, expect, test } from 'vitest';
import { DataFormatError } from '../errors/data-format-error';
import { csvDataset, DEFAULT_MAX_CATEGORIES } from './csv';

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('csvDataset on hostile input', () => {
  test('a column with more distinct values than maxCategories is an error naming it, found fast', () => {
    // 20,000 unique IDs (≈ 189 KB): one-hot would be 20,000 × 20,000 floats.
    const rows = Array.from({ length: 20_000 }, (_, i) => `id-${i.toString(36).padStart(6, '0')},${i % 2}`);
    const text = lines('user_id_column,label', ...rows);
    const started = performance.now();
    expect(() => csvDataset(text, { target: 'label', file: 'users.csv' })).toThrowError(DataFormatError);
    expect(() => csvDataset(text, { target: 'label', file: 'users.csv' })).toThrowError(
      new RegExp(
        `users\\.csv: column "user_id_column" has more than ${DEFAULT_MAX_CATEGORIES} distinct values`,
      ),
    );
    expect(performance.now() - started).toBeLessThan(5000);
    const small = lines('c,label', 'a,1', 'b,0', 'c,1');
    expect(() => csvDataset(small, { target: 'label', maxCategories: 2 })).toThrowError(
      /more than 2 distinct/,
    );
    expect(csvDataset(small, { target: 'label', maxCategories: 3 }).featureNames).toEqual([
      'c=a',
      'c=b',
      'c=c',
    ]);
  });

  test('one-hot encodes many categories without rows × categories work', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `k${i % 900},${i % 3}`);
    const { dataset, featureNames } = csvDataset(lines('key,y', ...rows), {
      target: 'y',
      targetType: 'class',
    });
    expect(featureNames.length).toBe(900);
    const x = dataset.columns[0].values;
    const row7 = Array.from(x.subarray(7 * 900, 8 * 900));
    expect(row7.reduce((a, b) => a + b, 0)).toBe(1);
    expect(featureNames[row7.indexOf(1)]).toBe('key=k7');
  });

  test('__proto__, constructor and toString columns load like any other', () => {
    const text = lines('__proto__,constructor,toString,label', '1,red,3,a', '2,blue,4,b');
    const { dataset, featureNames, classes } = csvDataset(text, { target: 'label' });
    expect(featureNames).toEqual(['__proto__', 'constructor=blue', 'constructor=red', 'toString']);
    expect(classes).toEqual(['a', 'b']);
    expect(Array.from(dataset.columns[0].values)).toEqual([1, 0, 1, 3, 2, 1, 0, 4]);
    const asTarget = csvDataset(lines('x,__proto__', '1,a', '2,b'), { target: '__proto__' });
    expect(asTarget.classes).toEqual(['a', 'b']);
  });

  test('an empty target cell is an error naming the row, not a switch to class mode', () => {
    const text = lines('x,y', '1,0.5', '2,', '3,1.5');
    expect(() => csvDataset(text, { target: 'y', file: 'r.csv' })).toThrowError(
      /r\.csv: row 3: the target "y" is empty/,
    );
  });

  test('only decimal numbers are numbers: 0x10, 0b101 and 1e are text', () => {
    for (const cell of ['0x10', '0b101', '0o7', '1e', 'Infinity', '1_000']) {
      const text = lines('x,y', `${cell},1`, `${cell},2`);
      expect(csvDataset(text, { target: 'y' }).featureNames).toEqual([`x=${cell}`]);
      expect(csvDataset(lines('x,y', `1,${cell}`, `2,${cell}`), { target: 'y' }).classes).toEqual([cell]);
    }
    const decimals = csvDataset(lines('x,y', '-1.5e3,.5', '+2.,1E-2'), { target: 'y' });
    expect(Array.from(decimals.dataset.columns[0].values)).toEqual([-1500, 2]);
  });

  test('a numeric column with one bad cell is an error naming the column, unless listed as categorical', () => {
    const text = lines('age,y', '31,a', '4O,b', '25,a', '47,b');
    expect(() => csvDataset(text, { target: 'y', file: 'p.csv' })).toThrowError(
      /p\.csv: column "age" mixes numbers and text \(row 3: "4O"\); list it in the categorical option/,
    );
    expect(csvDataset(text, { target: 'y', categorical: ['age'] }).featureNames).toHaveLength(4);
  });

  test('numbers float32 cannot hold are errors naming row and column', () => {
    expect(() => csvDataset(lines('x,y', '3.5e38,1', '1,2'), { target: 'y' })).toThrowError(
      /row 2, column "x": "3\.5e38" is outside the float32 range/,
    );
  });

  test('ragged rows and repeated column names are errors', () => {
    expect(() => csvDataset(lines('x,y', '1,2,3'), { target: 'y' })).toThrowError(
      /row 2: 3 cells, the header has 2/,
    );
    expect(() => csvDataset(lines('x,x,y', '1,2,3'), { target: 'y' })).toThrowError(
      /column "x" appears twice/,
    );
  });
});
