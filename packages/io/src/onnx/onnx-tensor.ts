import { type DType, DTypeError, type Tensor, type TypedArray, tensor } from '@nagare/tensor';
import { OnnxDataType, type OnnxDataTypeCode, type OnnxTensor, onnxDataTypeName } from './onnx-types';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * The nagare dtype that holds an ONNX element type: FLOAT→float32, DOUBLE→float64,
 * INT32/INT64/UINT8→int32, BOOL→bool. Other types throw `DTypeError`.
 *
 * @example
 * nagareDTypeForOnnx(OnnxDataType.INT64); // 'int32'
 */
export function nagareDTypeForOnnx(dataType: OnnxDataTypeCode): DType {
  switch (dataType) {
    case OnnxDataType.FLOAT:
      return 'float32';
    case OnnxDataType.DOUBLE:
      return 'float64';
    case OnnxDataType.INT32:
    case OnnxDataType.INT64:
    case OnnxDataType.UINT8:
      return 'int32';
    case OnnxDataType.BOOL:
      return 'bool';
    default:
      throw new DTypeError(
        'onnxTensorToTensor',
        `ONNX element type ${onnxDataTypeName(dataType)} has no nagare dtype`,
      );
  }
}

/** The ONNX element type a nagare dtype is written as by default. */
function defaultOnnxType(dtype: DType): OnnxDataTypeCode {
  return {
    float32: OnnxDataType.FLOAT,
    float64: OnnxDataType.DOUBLE,
    int32: OnnxDataType.INT32,
    bool: OnnxDataType.BOOL,
  }[dtype];
}

/**
 * Converts a decoded ONNX tensor to a nagare tensor of the same shape. INT64 and UINT8 become
 * int32; an INT64 value outside the int32 range throws `DTypeError` naming the tensor and index.
 *
 * @example
 * const x = onnxTensorToTensor(readTensorProto(bytes)); // e.g. float32 [3, 4]
 */
export function onnxTensorToTensor(source: OnnxTensor): Tensor {
  const dtype = nagareDTypeForOnnx(source.dataType);
  const { values } = source;
  if (values instanceof BigInt64Array) {
    const narrowed = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < BigInt(INT32_MIN) || v > BigInt(INT32_MAX)) {
        throw new DTypeError(
          'onnxTensorToTensor',
          `INT64 value ${v} at index ${i} of "${source.name}" does not fit int32`,
        );
      }
      narrowed[i] = Number(v);
    }
    return tensor(narrowed, { dtype, shape: source.dims });
  }
  // tensor() copies typed arrays into the dtype's own array type, so UINT8 bytes widen to int32 here.
  return tensor(values, { dtype, shape: source.dims });
}

/** Options of `tensorToOnnxTensor`. */
export interface TensorToOnnxOptions {
  /** The ONNX element type to write (default: FLOAT, DOUBLE, INT32 or BOOL after the dtype). */
  dataType?: OnnxDataTypeCode;
  name?: string;
  /** The tensor's values, already read (with `await x.data()` on WebGPU); default `x.dataSync()`. */
  values?: TypedArray;
}

function checkFits(
  x: Tensor,
  values: ArrayLike<number>,
  min: number,
  max: number,
  target: string,
  name: string,
): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new DTypeError(
        'tensorToOnnxTensor',
        `value ${v} at index ${i} of "${name}" does not fit ${target}`,
        { x: x.dtype },
      );
    }
  }
}

/**
 * Converts a nagare tensor to an ONNX tensor. An int32 tensor can be written as INT64 or UINT8
 * (values outside 0…255 throw `DTypeError`); a float tensor as FLOAT or DOUBLE.
 *
 * @example
 * const t = tensorToOnnxTensor(argmax(x, 1), { dataType: OnnxDataType.INT64, name: 'y' });
 */
export function tensorToOnnxTensor(x: Tensor, options: TensorToOnnxOptions = {}): OnnxTensor {
  const dataType = options.dataType ?? defaultOnnxType(x.dtype);
  const name = options.name ?? '';
  const dims = [...x.shape];
  const values = options.values ?? x.dataSync();
  const isFloat = x.dtype === 'float32' || x.dtype === 'float64';
  const mismatch = () =>
    new DTypeError(
      'tensorToOnnxTensor',
      `cannot write a ${x.dtype} tensor as ONNX ${onnxDataTypeName(dataType)}`,
      { x: x.dtype },
    );
  switch (dataType) {
    case OnnxDataType.FLOAT:
      if (!isFloat) throw mismatch();
      return { name, dataType, dims, values: Float32Array.from(values) };
    case OnnxDataType.DOUBLE:
      if (!isFloat) throw mismatch();
      return { name, dataType, dims, values: Float64Array.from(values) };
    case OnnxDataType.INT32:
    case OnnxDataType.INT64:
      if (x.dtype !== 'int32') throw mismatch();
      return dataType === OnnxDataType.INT32
        ? { name, dataType, dims, values: Int32Array.from(values) }
        : { name, dataType, dims, values: BigInt64Array.from(values as Int32Array, (v) => BigInt(v)) };
    case OnnxDataType.UINT8:
      if (x.dtype !== 'int32') throw mismatch();
      checkFits(x, values, 0, 255, 'UINT8', name);
      return { name, dataType, dims, values: Uint8Array.from(values) };
    case OnnxDataType.BOOL:
      if (x.dtype !== 'bool') throw mismatch();
      return { name, dataType, dims, values: Uint8Array.from(values) };
    default:
      throw mismatch();
  }
}
