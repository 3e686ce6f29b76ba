import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import { OnnxDataType } from '../../onnx-types';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';
import { wrapIfUint8 } from './uint8';

const INTEGER_TYPES: readonly number[] = [OnnxDataType.INT32, OnnxDataType.INT64, OnnxDataType.UINT8];

const unary = (fn: (x: Tensor) => Tensor) => (c: OnnxOpContext) => [fn(c.input(0))];

/** Add/Sub/Mul keep the operands' ONNX type; on UINT8 they wrap modulo 256 as NumPy does. */
const arithmetic = (fn: (a: Tensor, b: Tensor) => Tensor) => (c: OnnxOpContext) => [
  wrapIfUint8(fn(c.input(0), c.input(1)), c.inputType(0)),
];

const compare = (fn: (a: Tensor, b: Tensor) => Tensor) => (c: OnnxOpContext) => [fn(c.input(0), c.input(1))];

/**
 * Div: float operands divide; integer operands divide and truncate toward zero (ONNX's integer
 * Div), computed in float64 so the quotient of int32 values is exact before truncation.
 */
function divide(c: OnnxOpContext): Tensor[] {
  const [a, b] = [c.input(0), c.input(1)];
  if (!INTEGER_TYPES.includes(c.inputType(0))) return [nt.div(a, b)];
  return [nt.cast(nt.div(nt.cast(a, 'float64'), nt.cast(b, 'float64')), 'int32')];
}

/** Pow: the output has the base's type (Pow-15), so an integer base truncates a float result. */
function power(c: OnnxOpContext): Tensor[] {
  const base = c.input(0);
  const y = nt.pow(base, c.input(1));
  return [y.dtype === base.dtype ? y : nt.cast(y, base.dtype)];
}

/** Elementwise math, comparison and logic operators. */
export const elementwiseOps: OnnxOpTable = {
  Abs: unary(nt.abs),
  Neg: unary(nt.neg),
  Sign: unary(nt.sign),
  Exp: unary(nt.exp),
  Log: unary(nt.log),
  Sqrt: unary(nt.sqrt),
  Reciprocal: unary(nt.reciprocal),
  Sin: unary(nt.sin),
  Cos: unary(nt.cos),
  Tanh: unary(nt.tanh),
  Sigmoid: unary(nt.sigmoid),
  Relu: unary(nt.relu),
  Erf: unary(nt.erf),
  Floor: unary(nt.floor),
  Ceil: unary(nt.ceil),
  Round: unary(nt.round),
  IsNaN: unary(nt.isNaN),
  IsInf: unary(nt.isInf),
  Not: unary(nt.logicalNot),
  Add: arithmetic(nt.add),
  Sub: arithmetic(nt.sub),
  Mul: arithmetic(nt.mul),
  Div: divide,
  Pow: power,
  Equal: compare(nt.eq),
  Greater: compare(nt.gt),
  GreaterOrEqual: compare(nt.ge),
  Less: compare(nt.lt),
  LessOrEqual: compare(nt.le),
  And: compare(nt.logicalAnd),
  Or: compare(nt.logicalOr),
  Xor: compare(nt.ne),
};
