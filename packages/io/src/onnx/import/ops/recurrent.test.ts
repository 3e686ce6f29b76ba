import { concat, randn, slice, type Tensor, tensor, tidy } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { describe, expect, test } from 'vitest';
import type { OnnxAttribute, OnnxModel } from '../../onnx-types';
import { importOnnx } from '../import-onnx';

type Attributes = Record<string, OnnxAttribute>;

/** Runs one ONNX node on nagare tensors (named in input order; undefined for an omitted input). */
function runNode(opType: string, attributes: Attributes, inputs: (Tensor | undefined)[], outputs: string[]) {
  const names = inputs.map((t, i) => (t ? `in${i}` : ''));
  const model: OnnxModel = {
    irVersion: 10,
    producerName: 'test',
    producerVersion: '',
    domain: '',
    modelVersion: 0,
    docString: '',
    metadata: {},
    opsetImports: [{ domain: '', version: 22 }],
    graph: {
      name: 'g',
      nodes: [{ name: 'n', opType, domain: '', inputs: names, outputs, attributes }],
      inputs: names.filter(Boolean).map((name) => ({ name, kind: 'tensor' as const })),
      outputs: outputs.map((name) => ({ name, kind: 'tensor' as const })),
      initializers: [],
      valueInfo: [],
    },
  };
  const feeds = Object.fromEntries(inputs.flatMap((t, i) => (t ? [[`in${i}`, t]] : [])));
  return importOnnx(model).run(feeds);
}

const hidden = (size: number): Attributes => ({ hidden_size: { type: 'int', value: size } });
const withDirection = (size: number, direction: string): Attributes => ({
  ...hidden(size),
  direction: { type: 'string', value: direction },
});
/** Row d of a [D, …] tensor, kept as [1, …]. */
const row = (t: Tensor, d: number) => slice(t, [d], [d + 1]);

describe('RNN, GRU and LSTM mappings beyond the ONNX cases', () => {
  test('bidirectional LSTM with sequence_lens: each half is the forward or reverse layer alone', () => {
    tidy(() => {
      const [x, w, r, b] = [
        randn([4, 2, 3], { seed: 1 }),
        randn([2, 8, 3], { seed: 2 }),
        randn([2, 8, 2], { seed: 3 }),
        randn([2, 16], { seed: 4 }),
      ];
      const lengths = tensor([4, 2], { dtype: 'int32' });
      const [y, yh, yc] = runNode(
        'LSTM',
        withDirection(2, 'bidirectional'),
        [x, w, r, b, lengths],
        ['Y', 'Y_h', 'Y_c'],
      );
      expect(y.shape).toEqual([4, 2, 2, 2]);
      ['forward', 'reverse'].forEach((direction, d) => {
        const [yd, yhd, ycd] = runNode(
          'LSTM',
          withDirection(2, direction),
          [x, row(w, d), row(r, d), row(b, d), lengths],
          ['Y', 'Y_h', 'Y_c'],
        );
        expectAllClose(slice(y, [d], [d + 1], { axes: [1] }), yd, { rtol: 1e-5, atol: 1e-6 });
        expectAllClose(row(yh, d), yhd, { rtol: 1e-5, atol: 1e-6 });
        expectAllClose(row(yc, d), ycd, { rtol: 1e-5, atol: 1e-6 });
      });
    });
  });

  test('a reverse GRU is the forward GRU on the time-reversed sequence', () => {
    tidy(() => {
      const [x, w, r] = [
        randn([3, 2, 2], { seed: 5 }),
        randn([1, 9, 2], { seed: 6 }),
        randn([1, 9, 3], { seed: 7 }),
      ];
      const flip = (t: Tensor) =>
        concat(
          [2, 1, 0].map((i) => slice(t, [i], [i + 1])),
          0,
        );
      const [y, yh] = runNode('GRU', withDirection(3, 'reverse'), [x, w, r], ['Y', 'Y_h']);
      const [yf, yhf] = runNode('GRU', withDirection(3, 'forward'), [flip(x), w, r], ['Y', 'Y_h']);
      expectAllClose(y, flip(yf), { rtol: 1e-5, atol: 1e-6 });
      expectAllClose(yh, yhf, { rtol: 1e-5, atol: 1e-6 });
    });
  });

  test('an RNN with Relu activations uses the ReLU form; other activations and clip are unsupported', () => {
    tidy(() => {
      const [x, w, r] = [
        randn([2, 1, 2], { seed: 8 }),
        randn([1, 3, 2], { seed: 9 }),
        randn([1, 3, 3], { seed: 10 }),
      ];
      const relu = { ...hidden(3), activations: { type: 'strings', value: ['Relu'] } } as Attributes;
      const [y] = runNode('RNN', relu, [x, w, r], ['Y']);
      expect(Array.from(y.dataSync()).every((v) => v >= 0)).toBe(true);
      const sigmoid = { ...hidden(3), activations: { type: 'strings', value: ['Sigmoid'] } } as Attributes;
      expect(() => runNode('RNN', sigmoid, [x, w, r], ['Y'])).toThrow(/activations Sigmoid/);
      expect(() =>
        runNode('RNN', { ...hidden(3), clip: { type: 'float', value: 1 } }, [x, w, r], ['Y']),
      ).toThrow(/clip/);
    });
  });
});
