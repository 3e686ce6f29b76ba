import { DTypeError, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { nagareDTypeForOnnx, onnxTensorToTensor, tensorToOnnxTensor } from './onnx-tensor';
import { OnnxDataType, onnxDataTypeName } from './onnx-types';

describe('onnxTensorToTensor', () => {
  test('FLOAT, DOUBLE, INT32 and BOOL keep their values and shape', () => {
    const f = onnxTensorToTensor({
      name: 'f',
      dataType: OnnxDataType.FLOAT,
      dims: [2, 1],
      values: new Float32Array([1.5, -2]),
    });
    expect([f.dtype, f.shape, f.toArray()]).toEqual(['float32', [2, 1], [[1.5], [-2]]]);
    const d = onnxTensorToTensor({
      name: 'd',
      dataType: OnnxDataType.DOUBLE,
      dims: [],
      values: new Float64Array([Math.PI]),
    });
    expect([d.dtype, d.shape, d.item()]).toEqual(['float64', [], Math.PI]);
    const b = onnxTensorToTensor({
      name: 'b',
      dataType: OnnxDataType.BOOL,
      dims: [2],
      values: new Uint8Array([1, 0]),
    });
    expect(b.toArray()).toEqual([true, false]);
    const i = onnxTensorToTensor({
      name: 'i',
      dataType: OnnxDataType.INT32,
      dims: [1],
      values: new Int32Array([-5]),
    });
    expect([i.dtype, i.toArray()]).toEqual(['int32', [-5]]);
  });

  test('INT64 and UINT8 become int32', () => {
    const i = onnxTensorToTensor({
      name: 'i',
      dataType: OnnxDataType.INT64,
      dims: [3],
      values: new BigInt64Array([0n, -(2n ** 31n), 2n ** 31n - 1n]),
    });
    expect([i.dtype, i.toArray()]).toEqual(['int32', [0, -(2 ** 31), 2 ** 31 - 1]]);
    const u = onnxTensorToTensor({
      name: 'u',
      dataType: OnnxDataType.UINT8,
      dims: [2],
      values: new Uint8Array([255, 7]),
    });
    expect([u.dtype, u.toArray()]).toEqual(['int32', [255, 7]]);
  });

  test('an INT64 value outside int32 throws DTypeError naming the tensor and index', () => {
    const big = {
      name: 'ids',
      dataType: OnnxDataType.INT64,
      dims: [2],
      values: new BigInt64Array([1n, 2n ** 31n]),
    };
    expect(() => onnxTensorToTensor(big)).toThrow(DTypeError);
    expect(() => onnxTensorToTensor(big)).toThrow(
      /INT64 value 2147483648 at index 1 of "ids" does not fit int32/,
    );
  });

  test('element types without a nagare dtype throw DTypeError', () => {
    expect(() => nagareDTypeForOnnx(OnnxDataType.FLOAT16)).toThrow(/FLOAT16 has no nagare dtype/);
    expect(nagareDTypeForOnnx(OnnxDataType.UINT8)).toBe('int32');
    expect(onnxDataTypeName(99)).toBe('type 99');
  });
});

describe('tensorToOnnxTensor', () => {
  test('writes each dtype as its default ONNX type', () => {
    expect(tensorToOnnxTensor(tensor([1, 2]), { name: 'x' })).toEqual({
      name: 'x',
      dataType: 1,
      dims: [2],
      values: new Float32Array([1, 2]),
    });
    expect(tensorToOnnxTensor(tensor([1], { dtype: 'float64' })).dataType).toBe(OnnxDataType.DOUBLE);
    expect(tensorToOnnxTensor(tensor([true])).values).toEqual(new Uint8Array([1]));
    expect(tensorToOnnxTensor(tensor([3], { dtype: 'int32' })).values).toEqual(new Int32Array([3]));
  });

  test('int32 converts back to INT64 and UINT8; out-of-range UINT8 values throw', () => {
    const x = tensor([[-3, 250]], { dtype: 'int32' });
    expect(tensorToOnnxTensor(x, { dataType: OnnxDataType.INT64 })).toEqual({
      name: '',
      dataType: 7,
      dims: [1, 2],
      values: new BigInt64Array([-3n, 250n]),
    });
    expect(
      tensorToOnnxTensor(tensor([0, 255], { dtype: 'int32' }), { dataType: OnnxDataType.UINT8 }).values,
    ).toEqual(new Uint8Array([0, 255]));
    expect(() => tensorToOnnxTensor(x, { dataType: OnnxDataType.UINT8, name: 'y' })).toThrow(
      /value -3 at index 0 of "y" does not fit UINT8/,
    );
  });

  test('a dtype that cannot be written as the requested type throws DTypeError', () => {
    expect(() => tensorToOnnxTensor(tensor([1.5]), { dataType: OnnxDataType.INT64 })).toThrow(DTypeError);
    expect(() =>
      tensorToOnnxTensor(tensor([1], { dtype: 'int32' }), { dataType: OnnxDataType.FLOAT16 }),
    ).toThrow(/as ONNX FLOAT16/);
  });
});
