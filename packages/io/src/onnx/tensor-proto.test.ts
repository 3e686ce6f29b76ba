import { afterEach, describe, expect, test, vi } from 'vitest';
import { OnnxFormatError } from '../errors/onnx-format-error';
import { encodeProto, onnxProto } from './onnx-proto';
import { OnnxDataType } from './onnx-types';
import { readTensorProto } from './read-onnx';

/** Records the length of every Float64Array and Float32Array of more than a million elements. */
function watchLargeArrays(): number[] {
  const lengths: number[] = [];
  for (const name of ['Float64Array', 'Float32Array'] as const) {
    const original = globalThis[name];
    vi.stubGlobal(
      name,
      new Proxy(original, {
        construct(target, args) {
          if (typeof args[0] === 'number' && args[0] > 1e6) lengths.push(args[0]);
          return Reflect.construct(target, args);
        },
      }),
    );
  }
  return lengths;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TensorProto data length', () => {
  test('is checked against the dims before the values array is allocated', () => {
    const allocated = watchLargeArrays();
    // 2^31 - 1 doubles would be a 16 GiB array; the file holds 8 bytes.
    const bytes = encodeProto(onnxProto.TensorProto, {
      name: 'w',
      data_type: OnnxDataType.DOUBLE,
      dims: [String(2 ** 31 - 1)],
      raw_data: new Uint8Array(8),
    });
    expect(() => readTensorProto(bytes, { source: 'w.pb' })).toThrowError(OnnxFormatError);
    expect(() => readTensorProto(bytes, { source: 'w.pb' })).toThrowError(
      /w\.pb: tensor "w" has 8 bytes of raw_data, expected 17179869176/,
    );
    const typed = encodeProto(onnxProto.TensorProto, {
      name: 'v',
      data_type: OnnxDataType.FLOAT,
      dims: [String(2 ** 30)],
      float_data: [1, 2],
    });
    expect(() => readTensorProto(typed)).toThrowError(
      /tensor "v" has 2 values in float_data, expected 1073741824/,
    );
    expect(allocated).toEqual([]);
  });
});
