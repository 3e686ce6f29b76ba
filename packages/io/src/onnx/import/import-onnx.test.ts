import { ArgumentError, DTypeError, memory, mul, ShapeError, type Tensor, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { OnnxFormatError } from '../../errors/onnx-format-error';
import { UnsupportedOnnxError } from '../../errors/unsupported-onnx-error';
import { f32, i64, info, model, node } from '../__fixtures__/graph';
import { OnnxDataType } from '../onnx-types';
import { writeOnnxModel } from '../write-onnx';
import { importOnnx } from './import-onnx';

const values = (t: Tensor) => Array.from(t.dataSync());

/** y1 = x + c (a Constant node), y2 = y1 · w (an initializer): two outputs. */
const twoOutputs = model({
  nodes: [
    node('Constant', [], ['c'], { value: { type: 'tensor', value: f32('', [2], [10, 20]) } }),
    node('Add', ['x', 'c'], ['y1']),
    node('Mul', ['y1', 'w'], ['y2']),
  ],
  inputs: [info('x', [2])],
  outputs: [info('y1', [2]), info('y2', [2])],
  initializers: [f32('w', [2], [2, -1])],
});

describe('importOnnx', () => {
  test('runs initializers, Constant nodes and several outputs, from bytes or a decoded model', () => {
    for (const source of [twoOutputs, writeOnnxModel(twoOutputs)]) {
      const imported = importOnnx(source);
      expect(imported.inputs.map((i) => i.name)).toEqual(['x']);
      const [y1, y2] = imported.run([tensor([1, 2])]);
      expect(values(y1)).toEqual([11, 22]);
      expect(values(y2)).toEqual([22, -22]);
      imported.dispose();
    }
  });

  test('lists every operator without a mapping in one error', () => {
    const unknown = model({
      nodes: [
        node('NonMaxSuppression', ['x'], ['a']),
        node('Relu', ['a'], ['b']),
        node('Loop', ['b'], ['c']),
        node('NonMaxSuppression', ['c'], ['d']),
        node('Fancy', ['d'], ['e'], {}, 'com.example'),
      ],
      inputs: [info('x')],
      outputs: [info('e')],
    });
    const error = (() => {
      try {
        importOnnx(unknown);
      } catch (e) {
        return e;
      }
    })() as UnsupportedOnnxError;
    expect(error).toBeInstanceOf(UnsupportedOnnxError);
    expect(error.code).toBe('ONNX_UNSUPPORTED');
    expect(error.opTypes).toEqual(['NonMaxSuppression', 'Loop', 'com.example:Fancy']);
    expect(error.message).toContain('3 operators');
  });

  test('operators adds mappings, e.g. for a custom domain', () => {
    const custom = model({
      nodes: [node('Triple', ['x'], ['y'], {}, 'com.example')],
      inputs: [info('x', [2])],
      outputs: [info('y', [2])],
    });
    const imported = importOnnx(custom, { operators: { 'com.example:Triple': (c) => [mul(c.input(0), 3)] } });
    expect(values(imported.run([tensor([1, -2])])[0])).toEqual([3, -6]);
  });

  test('run takes inputs by name and checks their count, names, dtype and fixed dimensions', () => {
    const imported = importOnnx(
      model({
        nodes: [node('Relu', ['x'], ['y'])],
        inputs: [info('x', ['batch', 3])],
        outputs: [info('y', ['batch', 3])],
      }),
    );
    expect(values(imported.run({ x: tensor([[-1, 0, 1]]) })[0])).toEqual([0, 0, 1]);
    expect(
      imported.run([
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ])[0].shape,
    ).toEqual([2, 3]);
    expect(() => imported.run([])).toThrow(ArgumentError);
    expect(() => imported.run({ y: tensor([1, 2, 3]) })).toThrow(/unknown inputs "y"/);
    expect(() => imported.run({})).toThrow(/missing inputs "x"/);
    expect(() => imported.run([tensor([[1, 2, 3]], { dtype: 'int32' })])).toThrow(DTypeError);
    expect(() => imported.run([tensor([[1, 2]])])).toThrow(ShapeError);
  });

  test('an output that is an initializer or an input is a handle of its own', () => {
    const imported = importOnnx(
      model({
        nodes: [node('Identity', ['w'], ['a']), node('Identity', ['x'], ['b'])],
        inputs: [info('x', [1])],
        outputs: [info('a', [2]), info('b', [1])],
        initializers: [f32('w', [2], [5, 6])],
      }),
    );
    const x = tensor([7]);
    const [a, b] = imported.run([x]);
    expect(b).not.toBe(x);
    a.dispose();
    b.dispose();
    expect(values(x)).toEqual([7]);
    expect(values(imported.run([x])[0])).toEqual([5, 6]);
  });

  test('run frees its intermediates and dispose frees the initializers', () => {
    const before = memory().tensors;
    const imported = importOnnx(twoOutputs);
    const afterImport = memory().tensors;
    expect(afterImport - before).toBe(1);
    const x = tensor([1, 2]);
    const outputs = imported.run([x]);
    expect(memory().tensors).toBe(afterImport + 1 + outputs.length);
    for (const t of [x, ...outputs]) t.dispose();
    imported.dispose();
    expect(memory().tensors).toBe(before);
  });

  test('INT64 initializers beyond int32 (PyTorch writes INT64_MAX as "to the end") slice exactly', () => {
    const imported = importOnnx(
      model({
        nodes: [node('Slice', ['x', 'starts', 'ends', 'axes'], ['y'])],
        inputs: [info('x', [5])],
        outputs: [info('y', [3])],
        initializers: [i64('starts', [1], [2]), i64('ends', [1], [2n ** 63n - 1n]), i64('axes', [1], [0])],
      }),
    );
    expect(values(imported.run([tensor([0, 1, 2, 3, 4])])[0])).toEqual([2, 3, 4]);
  });

  test('corrupt bytes are an OnnxFormatError naming the source', () => {
    expect(() => importOnnx(new Uint8Array([0xff, 0xff, 0xff]), { source: 'model.onnx' })).toThrow(
      OnnxFormatError,
    );
    expect(() => importOnnx(new Uint8Array([0xff, 0xff, 0xff]), { source: 'model.onnx' })).toThrow(
      /model\.onnx/,
    );
  });

  test('summary lists inputs, outputs, operators, initializers and the layers', () => {
    const text = importOnnx(twoOutputs).summary();
    expect(text).toContain('produced by test 1.0');
    expect(text).toContain('x: FLOAT [2]');
    expect(text).toContain('outputs (2)');
    expect(text).toContain('nodes (3): Constant ×1, Add ×1, Mul ×1');
    expect(text).toContain('initializers: 1 tensors, 2 values');
    expect(text).toContain('not a chain of known layers');
    const chain = importOnnx(
      model({
        nodes: [node('Relu', ['x'], ['y'])],
        inputs: [info('x', [1, 4])],
        outputs: [info('y', [1, 4])],
      }),
    );
    expect(chain.summary()).toContain('ReLU');
  });

  test('graph inputs are declared with their ONNX type', () => {
    const imported = importOnnx(
      model({
        nodes: [node('Cast', ['x'], ['y'], { to: { type: 'int', value: OnnxDataType.FLOAT } })],
        inputs: [info('x', [2], OnnxDataType.INT64)],
        outputs: [info('y', [2])],
      }),
    );
    expect(values(imported.run([tensor([3, -4], { dtype: 'int32' })])[0])).toEqual([3, -4]);
  });
});
