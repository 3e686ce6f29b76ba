import { cast, div, floor, mul, sub, type Tensor } from '@nagare/tensor';
import { OnnxDataType } from '../../onnx-types';

/**
 * nagare holds UINT8 values in int32, so arithmetic does not wrap at 256 by itself. ONNX (NumPy)
 * uint8 arithmetic is modulo 256: x − 256·⌊x / 256⌋ brings an int32 result back into 0…255.
 */
export function wrapUint8(x: Tensor): Tensor {
  const quotient = cast(floor(div(cast(x, 'float64'), 256)), 'int32');
  return sub(x, mul(quotient, 256));
}

/** Wraps `y` to 0…255 when the ONNX type it stands for is UINT8. */
export function wrapIfUint8(y: Tensor, onnxType: number): Tensor {
  return onnxType === OnnxDataType.UINT8 ? wrapUint8(y) : y;
}
