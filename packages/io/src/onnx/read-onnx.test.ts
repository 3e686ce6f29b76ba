import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { OnnxFormatError } from '../errors/onnx-format-error';
import { bytes, f32le, float32, i64le, int, tensorProto, tensorValueInfo } from './__fixtures__/hand-proto';
import { OnnxDataType } from './onnx-types';
import { readOnnxModel, readTensorProto } from './read-onnx';
import { writeOnnxModel, writeTensorProto } from './write-onnx';

// A one-node model built field by field from onnx.proto: Relu(x) -> y with attribute alpha=0.5,
// ints [2, -3], opset 13, ir_version 8.
function handBuiltModel(): Uint8Array {
  const attributeAlpha = [...bytes(1, 'alpha'), ...int(20, 1), ...float32(2, 0.5)];
  const attributeInts = [...bytes(1, 'pads'), ...int(20, 7), ...int(8, 2), ...int(8, -3)];
  const node = [
    ...bytes(1, 'x'),
    ...bytes(2, 'y'),
    ...bytes(3, 'relu0'),
    ...bytes(4, 'Relu'),
    ...bytes(5, attributeAlpha),
    ...bytes(5, attributeInts),
  ];
  const graph = [
    ...bytes(1, node),
    ...bytes(2, 'g'),
    ...bytes(11, tensorValueInfo('x', 1, [2, 3])),
    ...bytes(12, tensorValueInfo('y', 1, [2, 3])),
  ];
  const opset = [...bytes(1, ''), ...int(2, 13)];
  return new Uint8Array([...int(1, 8), ...bytes(2, 'hand'), ...bytes(7, graph), ...bytes(8, opset)]);
}

describe('readOnnxModel', () => {
  test('decodes a hand-built ModelProto: opset, node, attributes, value infos', () => {
    const model = readOnnxModel(handBuiltModel());
    expect(model.irVersion).toBe(8);
    expect(model.producerName).toBe('hand');
    expect(model.opsetImports).toEqual([{ domain: '', version: 13 }]);
    expect(model.graph.name).toBe('g');
    expect(model.graph.nodes).toEqual([
      {
        name: 'relu0',
        opType: 'Relu',
        domain: '',
        inputs: ['x'],
        outputs: ['y'],
        attributes: { alpha: { type: 'float', value: 0.5 }, pads: { type: 'ints', value: [2, -3] } },
      },
    ]);
    expect(model.graph.inputs).toEqual([{ name: 'x', kind: 'tensor', elemType: 1, shape: [2, 3] }]);
    expect(model.graph.outputs[0].name).toBe('y');
  });

  test('accepts an ArrayBuffer as well as a Uint8Array', () => {
    const buffer = handBuiltModel().slice().buffer;
    expect(readOnnxModel(buffer).graph.nodes[0].opType).toBe('Relu');
  });

  test('every truncation either decodes or throws OnnxFormatError', () => {
    const full = handBuiltModel();
    let failures = 0;
    for (let n = 0; n < full.length; n++) {
      try {
        readOnnxModel(full.subarray(0, n));
      } catch (error) {
        expect(error).toBeInstanceOf(OnnxFormatError);
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(full.length / 2);
  });

  test('a truncated model names the message and the cause', () => {
    const full = handBuiltModel();
    const error = (() => {
      try {
        readOnnxModel(full.subarray(0, full.length - 3), { source: 'model.onnx' });
      } catch (e) {
        return e as OnnxFormatError;
      }
    })();
    expect(error).toBeInstanceOf(OnnxFormatError);
    expect(error?.code).toBe('ONNX_FORMAT');
    expect(error?.source).toBe('model.onnx');
    expect(error?.message).toMatch(/^model\.onnx: not a valid ModelProto/);
  });

  test('garbage bytes and a model without a graph throw OnnxFormatError', () => {
    expect(() => readOnnxModel(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toThrow(OnnxFormatError);
    expect(() => readOnnxModel(new Uint8Array(int(1, 8)))).toThrow(/has no graph/);
    expect(() => readOnnxModel('model' as unknown as Uint8Array)).toThrow(OnnxFormatError);
  });

  test('writeOnnxModel round-trips through readOnnxModel', () => {
    const model = readOnnxModel(handBuiltModel());
    model.graph.initializers.push({
      name: 'w',
      dataType: OnnxDataType.INT64,
      dims: [2],
      values: new BigInt64Array([5n, -(2n ** 40n)]),
    });
    model.graph.nodes[0].attributes.mode = { type: 'string', value: 'constant' };
    model.graph.nodes[0].attributes.value = {
      type: 'tensor',
      value: { name: 'c', dataType: OnnxDataType.DOUBLE, dims: [], values: new Float64Array([0.25]) },
    };
    model.metadata = { author: 'nagare' };
    expect(readOnnxModel(writeOnnxModel(model))).toEqual(model);
  });

  const corpusCase = new URL('../../../../../shared/conformance/onnx-node/test_abs/', import.meta.url);
  test.skipIf(!existsSync(corpusCase))(
    'reads a case of the ONNX node-test corpus (skipped when ../shared is absent)',
    () => {
      const model = readOnnxModel(readFileSync(new URL('model.onnx', corpusCase)));
      expect(model.graph.nodes.map((n) => n.opType)).toEqual(['Abs']);
      const input = readTensorProto(readFileSync(new URL('test_data_set_0/input_0.pb', corpusCase)));
      expect(input.dims).toEqual([3, 4, 5]);
      expect(input.values).toBeInstanceOf(Float32Array);
    },
  );
});

describe('readTensorProto', () => {
  test('reads little-endian raw_data with dims, type and name', () => {
    const t = readTensorProto(new Uint8Array(tensorProto('x', 1, [2, 2], f32le([1, -2.5, 3, 1e-8]))));
    expect(t).toEqual({ name: 'x', dataType: 1, dims: [2, 2], values: new Float32Array([1, -2.5, 3, 1e-8]) });
  });

  test('reads packed float_data when there is no raw_data', () => {
    const packed = bytes(4, f32le([0.5, 2]));
    const t = readTensorProto(new Uint8Array([...int(1, 2), ...int(2, 1), ...packed]));
    expect(t.values).toEqual(new Float32Array([0.5, 2]));
  });

  test('reads INT64 raw_data exactly, including values beyond 2^53', () => {
    const t = readTensorProto(new Uint8Array(tensorProto('i', 7, [3], i64le([1n, -7n, 2n ** 60n]))));
    expect(t.values).toEqual(new BigInt64Array([1n, -7n, 2n ** 60n]));
  });

  test('reads int64_data, int32_data (UINT8, BOOL) and double_data', () => {
    const int64 = readTensorProto(
      new Uint8Array([...int(1, 2), ...int(2, 7), ...bytes(7, [...int(0, 3).slice(1), 0x7f])]),
    );
    expect(int64.values).toEqual(new BigInt64Array([3n, 127n]));
    const bools = readTensorProto(new Uint8Array([...int(1, 3), ...int(2, 9), ...bytes(5, [1, 0, 1])]));
    expect(bools.values).toEqual(new Uint8Array([1, 0, 1]));
    const double = readTensorProto(
      writeTensorProto({ name: 'd', dataType: 11, dims: [1], values: new Float64Array([Math.PI]) }),
    );
    expect(double.values[0]).toBe(Math.PI);
  });

  test('a scalar (no dims) and a zero-size tensor decode', () => {
    expect(readTensorProto(new Uint8Array(tensorProto('s', 1, [], f32le([7])))).values).toEqual(
      new Float32Array([7]),
    );
    const empty = readTensorProto(new Uint8Array([...int(1, 0), ...int(1, 3), ...int(2, 1)]));
    expect(empty.dims).toEqual([0, 3]);
    expect(empty.values.length).toBe(0);
  });

  test('raw_data of the wrong length, a missing payload and a negative dim are OnnxFormatErrors', () => {
    expect(() => readTensorProto(new Uint8Array(tensorProto('x', 1, [3], f32le([1, 2]))))).toThrow(
      /"x" has 8 bytes of raw_data, expected 12/,
    );
    expect(() => readTensorProto(new Uint8Array([...int(1, 2), ...int(2, 1)]))).toThrow(
      /0 values in float_data, expected 2/,
    );
    expect(() => readTensorProto(new Uint8Array(tensorProto('n', 1, [-1], [])))).toThrow(
      /invalid dimension -1/,
    );
  });

  test('unsupported element types are rejected by name', () => {
    expect(() => readTensorProto(new Uint8Array(tensorProto('h', 10, [1], [0, 0])))).toThrow(
      /"h" has unsupported element type FLOAT16/,
    );
  });

  test('hostile dims cannot force a huge allocation', () => {
    expect(() => readTensorProto(new Uint8Array(tensorProto('big', 1, [2 ** 20, 2 ** 20], [])))).toThrow(
      /too many elements/,
    );
  });

  test('writeTensorProto rejects values of the wrong array type or count', () => {
    expect(() =>
      writeTensorProto({ name: 'w', dataType: 1, dims: [2], values: new Float64Array(2) }),
    ).toThrow(OnnxFormatError);
    expect(() =>
      writeTensorProto({ name: 'w', dataType: 1, dims: [3], values: new Float32Array(2) }),
    ).toThrow(/2 values for dims \[3\]/);
  });
});
