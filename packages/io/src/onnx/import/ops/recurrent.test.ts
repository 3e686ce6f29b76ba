import { join } from 'node:path';
import { type OnnxAttribute, OnnxDataType, type OnnxModel } from '@nagare/io';
import { concat, randn, slice, type Tensor, tensor, tidy } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { describe, expect, test } from 'vitest';
import { GraphRuntime } from '../execute';
import type { GraphValue } from '../op-context';
import { listCases, runCase } from '../suite';
import { ONNX_OPS } from './index';

const DIR = join(__dirname, '../../../../../shared/conformance/onnx-node');
// The ONNX cases of the operators mapped onto @nagare/layers (activations, dropout, normalization,
// losses, recurrent layers).
const LAYER_CASES =
  /^test_(simple_rnn|gru|lstm|sce|nllloss|batchnorm|layer_normalization|instancenorm|dropout|training_dropout|prelu|selu|elu|leakyrelu|gelu|celu|mish|hardsigmoid|hardswish|softplus|softsign)/;

describe('the ONNX cases of the operators @nagare/layers implements', () => {
  const cases = listCases(DIR).filter((name) => LAYER_CASES.test(name));

  test('are all found (101 in the stored ONNX node tests)', () => expect(cases.length).toBe(101));

  test.each(cases)('%s passes', (name) => {
    const result = runCase(join(DIR, name), name);
    expect(result.detail).toBe('');
    expect(result.status).toBe('pass');
  });
});

type Attributes = Record<string, OnnxAttribute>;

/** Runs one ONNX node on nagare tensors (named in input order; undefined for an omitted input). */
function runNode(opType: string, attributes: Attributes, inputs: (Tensor | undefined)[], outputs: string[]) {
  const names = inputs.map((t, i) => (t ? `in${i}` : ''));
  const model = {
    opsetImports: [{ domain: '', version: 22 }],
    graph: {
      nodes: [{ name: 'n', opType, domain: '', inputs: names, outputs, attributes }],
      inputs: [],
      outputs: [],
      initializers: [],
      valueInfo: [],
    },
  } as unknown as OnnxModel;
  const values = new Map<string, GraphValue>();
  inputs.forEach((t, i) => {
    if (t)
      values.set(`in${i}`, {
        tensor: t,
        onnxType: t.dtype === 'int32' ? OnnxDataType.INT32 : OnnxDataType.FLOAT,
      });
  });
  const result = new GraphRuntime(model, ONNX_OPS).run(values);
  return outputs.map((name) => result.get(name)!.tensor);
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
