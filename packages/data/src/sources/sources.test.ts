import { describe, expect, test } from 'vitest';
import { DataFormatError } from '../errors/data-format-error';
import { TensorDataset } from '../tensor-dataset';
import { csvDataset } from './csv';
import { permutedTasks, permutePixels } from './permuted';
import { blobs, circles, regression1d, spirals, xor } from './synthetic';

describe('csvDataset', () => {
  const csv = 'size,color,weight,kind\n1,red,2.5,a\n2,blue,3.5,b\n3,red,,a\n';
  test('one-hot encodes categorical features and indexes class targets', () => {
    const { dataset, featureNames, classes } = csvDataset(csv, { target: 'kind', missing: 0 });
    expect(featureNames).toEqual(['size', 'color=blue', 'color=red', 'weight']);
    expect(classes).toEqual(['a', 'b']);
    expect(Array.from(dataset.columns[0].values)).toEqual([1, 0, 1, 2.5, 2, 1, 0, 3.5, 3, 0, 1, 0]);
    expect(Array.from(dataset.columns[1].values)).toEqual([0, 1, 0]);
  });

  test('missing values are an error naming row and column, or filled by the mean', () => {
    expect(() => csvDataset(csv, { target: 'kind', file: 'fruit.csv' })).toThrowError(DataFormatError);
    expect(() => csvDataset(csv, { target: 'kind', file: 'fruit.csv' })).toThrowError(
      /fruit\.csv: row 4, column "weight": missing value/,
    );
    const { dataset } = csvDataset(csv, { target: 'kind', missing: 'mean' });
    expect(dataset.columns[0].values[11]).toBe(3);
  });

  test('numeric targets stay numbers; unknown target column is an error', () => {
    const { dataset } = csvDataset('a,y\n1,0.5\n2,1.5\n', { target: 'y' });
    expect(dataset.columns[1].dtype).toBe('float32');
    expect(() => csvDataset(csv, { target: 'nope' })).toThrowError(/no target column "nope"/);
  });
});

describe('synthetic sets', () => {
  test('shapes, labels and seeding', () => {
    for (const make of [spirals, circles, xor, blobs]) {
      const ds = make(60, { seed: 1, noise: 0.01 });
      expect(ds.columns[0].shape).toEqual([60, 2]);
      expect(make(60, { seed: 1, noise: 0.01 }).columns[0].values).toEqual(ds.columns[0].values);
    }
  });

  test('xor labels follow the sign rule; circles separate by radius', () => {
    const ds = xor(200, { seed: 2 });
    const [p, y] = [ds.columns[0].values, ds.columns[1].values];
    for (let i = 0; i < 200; i++) expect(y[i]).toBe(p[2 * i] * p[2 * i + 1] < 0 ? 1 : 0);
    const c = circles(200, { seed: 3 });
    for (let i = 0; i < 200; i++) {
      const r = Math.hypot(c.columns[0].values[2 * i], c.columns[0].values[2 * i + 1]);
      expect(c.columns[1].values[i] === 0 ? r < 0.5 : r >= 0.7).toBe(true);
    }
  });

  test('regression1d targets', () => {
    const ds = regression1d('sin', 50, { seed: 1 });
    for (let i = 0; i < 50; i++)
      expect(ds.columns[1].values[i]).toBeCloseTo(Math.sin(Math.PI * ds.columns[0].values[i]), 5);
    expect(() => regression1d('cube' as 'sin', 5)).toThrowError(/unknown target "cube"/);
  });
});

describe('permutedTasks', () => {
  test('task 0 is the original; others permute pixels with one fixed permutation', () => {
    const x = Float32Array.from({ length: 2 * 4 }, (_, i) => i);
    const ds = TensorDataset.fromColumns([
      { values: x, shape: [2, 1, 2, 2], dtype: 'float32' },
      { values: Int32Array.from([3, 4]), shape: [2], dtype: 'int32' },
    ]);
    const [a, b] = permutedTasks(ds, 2, { seed: 9 });
    expect(a).toBe(ds);
    const first = Array.from(b.columns[0].values.subarray(0, 4));
    const second = Array.from(b.columns[0].values.subarray(4, 8));
    expect([...first].sort()).toEqual([0, 1, 2, 3]);
    expect(second).toEqual(first.map((v) => v + 4));
    expect(b.columns[1].values).toEqual(ds.columns[1].values);
  });

  test('a uint8 image column stays uint8 and keeps its divisor', () => {
    const ds = TensorDataset.fromColumns([
      { values: Uint8Array.from([0, 51, 102, 255]), shape: [1, 1, 2, 2], dtype: 'float32', divisor: 255 },
      { values: Int32Array.from([1]), shape: [1], dtype: 'int32' },
    ]);
    const permuted = permutePixels(ds, 3);
    expect(permuted.columns[0].values).toBeInstanceOf(Uint8Array);
    expect(permuted.columns[0].divisor).toBe(255);
    const [x, y] = permuted.getBatch([0]);
    expect(Array.from(x.dataSync()).sort((a, b) => a - b)).toEqual([0, 0.2, 0.4, 1].map(Math.fround));
    x.dispose();
    y.dispose();
  });
});
