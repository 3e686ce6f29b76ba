import { ArgumentError, DTypeError, tensor } from '@nagare/tensor';
import '@nagare/autograd';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { Embedding } from './embedding';

const indices = (values: number[][]) => tensor(values, { dtype: 'int32' });

describeBackends('Embedding', () => {
  test('looks up rows of the weight for indices of any shape', () => {
    const embed = new Embedding(5, 3, { seed: 0 });
    const weight = embed.weight.toArray() as number[][];
    const y = embed.call(
      indices([
        [4, 0],
        [1, 1],
      ]),
    );
    expect(y.shape).toEqual([2, 2, 3]);
    expect(y.toArray()).toEqual([
      [weight[4], weight[0]],
      [weight[1], weight[1]],
    ]);
    const values = Array.from(embed.weight.dataSync());
    const variance = values.reduce((s, v) => s + v * v, 0) / values.length;
    expect(variance).toBeGreaterThan(0.2);
    embed.dispose();
  });

  test('the padding row is zero (a negative paddingIdx counts from the end)', () => {
    const embed = new Embedding(4, 2, { paddingIdx: -1, seed: 1 });
    expect(embed.paddingIdx).toBe(3);
    expect((embed.weight.toArray() as number[][])[3]).toEqual([0, 0]);
    expect((embed.call(indices([[3, 0]])).toArray() as number[][][])[0][0]).toEqual([0, 0]);
    expect(embed.extraRepr()).toBe('4, 2, paddingIdx=3');
    embed.dispose();
  });

  test('a loaded non-zero padding row is looked up as is (as PyTorch) but gets no gradient', () => {
    const embed = new Embedding(3, 2, { paddingIdx: 1 });
    embed.loadStateDict({
      weight: tensor([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    });
    const y = embed.call(indices([[1, 2, 1]]));
    expect(y.toArray()).toEqual([
      [
        [3, 4],
        [5, 6],
        [3, 4],
      ],
    ]);
    y.sum().backward();
    expect(embed.weight.grad!.toArray()).toEqual([
      [0, 0],
      [0, 0],
      [1, 1],
    ]);
    embed.dispose();
  });

  test('rejects float indices, out-of-range indices and a bad paddingIdx', () => {
    const embed = new Embedding(4, 2);
    expect(() => embed.call(tensor([1, 2]))).toThrow(DTypeError);
    expect(() => embed.call(indices([[4]]))).toThrow(ArgumentError);
    expect(() => embed.call(indices([[-1]]))).toThrow(ArgumentError);
    expect(() => new Embedding(4, 2, { paddingIdx: 4 })).toThrow(ArgumentError);
    embed.dispose();
  });
});
