import * as nt from '@nagare/tensor';
import { nagareDTypeForOnnx, onnxTensorToTensor } from '../../onnx-tensor';
import { OnnxDataType, type OnnxTensor, onnxDataTypeName } from '../../onnx-types';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';
import { wrapUint8 } from './uint8';

/** Constant: exactly one of value (a tensor), value_float(s), value_int(s). */
function constant(c: OnnxOpContext) {
  const tensor = c.tensor('value');
  if (tensor) return [onnxTensorToTensor(tensor)];
  const make = (dataType: number, values: number[], dims: number[]): OnnxTensor => ({
    name: '',
    dataType,
    dims,
    values:
      dataType === OnnxDataType.FLOAT
        ? Float32Array.from(values)
        : BigInt64Array.from(values, (v) => BigInt(v)),
  });
  if (c.hasAttribute('value_float'))
    return [onnxTensorToTensor(make(OnnxDataType.FLOAT, [c.float('value_float', 0)], []))];
  if (c.hasAttribute('value_int'))
    return [onnxTensorToTensor(make(OnnxDataType.INT64, [c.int('value_int', 0)], []))];
  const floats = c.floats('value_floats');
  if (floats) return [onnxTensorToTensor(make(OnnxDataType.FLOAT, floats, [floats.length]))];
  const ints = c.ints('value_ints');
  if (ints) return [onnxTensorToTensor(make(OnnxDataType.INT64, ints, [ints.length]))];
  return c.unsupported('only value, value_float(s) and value_int(s) constants are mapped');
}

/** Cast: to the nagare dtype holding `to`; float → integer truncates, UINT8 wraps modulo 256. */
function castOp(c: OnnxOpContext) {
  const to = c.int('to', 0);
  const supported: number[] = [
    OnnxDataType.FLOAT,
    OnnxDataType.DOUBLE,
    OnnxDataType.INT32,
    OnnxDataType.INT64,
    OnnxDataType.UINT8,
    OnnxDataType.BOOL,
  ];
  if (!supported.includes(to)) c.unsupported(`cast to ${onnxDataTypeName(to)}`);
  const y = nt.cast(c.input(0), nagareDTypeForOnnx(to));
  return [to === OnnxDataType.UINT8 ? wrapUint8(y) : y];
}

/** Clip: bounds are optional inputs from opset 11, attributes (min, max) before. */
function clip(c: OnnxOpContext) {
  if (c.opset < 11) return [nt.clip(c.input(0), c.float('min', -Infinity), c.float('max', Infinity))];
  return [nt.clip(c.input(0), c.inputScalar(1) ?? -Infinity, c.inputScalar(2) ?? Infinity)];
}

/** Range: start, start + delta, … while short of limit; the output has the inputs' type. */
function range(c: OnnxOpContext) {
  const [start, limit, delta] = [c.inputScalar(0) ?? 0, c.inputScalar(1) ?? 0, c.inputScalar(2) ?? 1];
  const dtype = c.input(0).dtype;
  const count = Math.max(Math.ceil((limit - start) / delta), 0);
  // start + i·delta, as ONNX defines it (arange's accumulation could round differently for floats).
  return [nt.add(nt.mul(nt.arange(0, count, 1, { dtype }), delta), start)];
}

/** Identity, Constant, Cast, Clip, Where, Range. */
export const basicOps: OnnxOpTable = {
  Identity: (c) => [c.input(0)],
  Constant: constant,
  Cast: castOp,
  Clip: clip,
  Where: (c) => [nt.where(c.input(0), c.input(1), c.input(2))],
  Range: range,
};
