import {
  type Backend,
  createJsBackend,
  getBackend,
  randn,
  SyncReadError,
  type Tensor,
  tensor,
  useBackend,
} from '@nagare/tensor';
import { asyncOnlyBackend } from '@nagare/tensor/testing';
import { afterEach, describe, expect, test } from 'vitest';
import { BatchNorm1d } from './layers/batch-norm';
import { Embedding } from './layers/embedding';
import { crossEntropy } from './losses/cross-entropy';
import { multiMarginLoss } from './losses/hinge';
import { multilabelMarginLoss } from './losses/multi-label-margin';
import { nllLoss } from './losses/nll';
import { gaussianNllLoss } from './losses/probabilistic';
import { CharRNN } from './models/char-rnn';
import { RNN } from './recurrent/rnn';

const original = getBackend();
afterEach(() => useBackend(original));

const deferred = () => asyncOnlyBackend(createJsBackend());
const labels = (values: number[] | number[][]) => tensor(values, { dtype: 'int32' });

/** Runs `compute` on a backend and returns the values of what it gives, read asynchronously. */
async function on(backend: Backend, compute: () => Tensor | Tensor[]): Promise<number[][]> {
  useBackend(backend);
  const result = compute();
  const list = Array.isArray(result) ? result : [result];
  return Promise.all(list.map(async (t) => Array.from(await t.data())));
}

describe('layers on a backend that reads only asynchronously', () => {
  test('losses with class targets give the same values without reading on the host', async () => {
    const losses = () => {
      const logits = tensor([
        [0.2, -1, 0.5],
        [1.5, 0.3, -0.2],
      ]);
      return [
        crossEntropy(logits, labels([2, 0])),
        crossEntropy(logits, labels([2, -100])),
        nllLoss(logits, labels([1, 2])),
        multiMarginLoss(logits, labels([0, 1])),
        multilabelMarginLoss(
          logits,
          labels([
            [2, 0, -1],
            [1, -1, 0],
          ]),
        ),
        gaussianNllLoss(tensor([0.5, 1]), tensor([1, 1]), tensor([0.5, 2])),
      ];
    };
    expect(await on(deferred(), losses)).toEqual(await on(createJsBackend(), losses));
  });

  test('batch norm with a cumulative average, embedding and recurrent lengths as a tensor match the js backend', async () => {
    const layers = () => {
      const norm = new BatchNorm1d(3, { momentum: null });
      const x = randn([4, 3], { seed: 2 });
      norm.call(x);
      norm.call(x.mul(2));
      const embedded = new Embedding(5, 2, { seed: 1 }).call(labels([4, 0, 2]));
      const rnn = new RNN(2, 3, { seed: 3 });
      const [output] = rnn.call(randn([3, 2, 2], { seed: 4 }), undefined, { lengths: labels([3, 1]) });
      return [norm.runningMean as Tensor, norm.runningVar as Tensor, embedded, output];
    };
    expect(await on(deferred(), layers)).toEqual(await on(createJsBackend(), layers));
  });

  test('CharRNN.generateAsync samples what generate samples; generate names the async call', async () => {
    const model = new CharRNN(6, { embeddingDim: 4, hiddenSize: 8, numLayers: 1, seed: 0 });
    const expected = model.generate([1, 2], 5, { seed: 3 });
    useBackend(deferred());
    const remote = new CharRNN(6, { embeddingDim: 4, hiddenSize: 8, numLayers: 1, seed: 0 });
    expect(await remote.generateAsync([1, 2], 5, { seed: 3 })).toEqual(expected);
    expect(() => remote.generate([1, 2], 5, { seed: 3 })).toThrow(SyncReadError);
  });
});
