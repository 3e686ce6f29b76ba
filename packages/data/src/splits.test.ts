import { describe, expect, test } from 'vitest';
import type { Dataset } from './dataset';
import { kFold, randomSplit, trainValSplit } from './splits';

const numbers: Dataset<number> = { length: 100, get: (i) => i };
const all = (d: Dataset<number>) => Array.from({ length: d.length }, (_, i) => d.get(i));

describe('splits', () => {
  test('randomSplit sizes, disjointness and coverage', () => {
    const [a, b] = randomSplit(numbers, [0.8, 0.2], { seed: 1 });
    expect([a.length, b.length]).toEqual([80, 20]);
    const union = [...all(a), ...all(b)].sort((x, y) => x - y);
    expect(union).toEqual(all(numbers));
    expect(all(randomSplit(numbers, [0.8, 0.2], { seed: 1 })[1])).toEqual(all(b));
  });

  test('randomSplit accepts counts and rejects parts that do not add up', () => {
    expect(randomSplit(numbers, [30, 70]).map((d) => d.length)).toEqual([30, 70]);
    expect(() => randomSplit(numbers, [0.5, 0.2])).toThrowError(/must sum to 1/);
  });

  test('trainValSplit holds out 20% by default', () => {
    const { train, val } = trainValSplit(numbers, { seed: 3 });
    expect([train.length, val.length]).toEqual([80, 20]);
    expect(new Set([...all(train), ...all(val)]).size).toBe(100);
  });

  test('stratified split keeps each class share', () => {
    const label = (i: number) => (i < 90 ? 0 : 1);
    const { val } = trainValSplit(numbers, { val: 0.2, seed: 0, stratify: label });
    const ones = all(val).filter((i) => label(i) === 1).length;
    expect(ones).toBe(2);
    expect(val.length).toBe(20);
  });

  test('kFold val parts are disjoint and cover the data', () => {
    const folds = kFold(numbers, 5, { seed: 2 });
    const vals = folds.flatMap((f) => all(f.val)).sort((x, y) => x - y);
    expect(vals).toEqual(all(numbers));
    for (const f of folds) expect(f.train.length + f.val.length).toBe(100);
    expect(() => kFold(numbers, 1)).toThrowError(/kFold: k must be an integer/);
  });
});
