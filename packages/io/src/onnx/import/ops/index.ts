import type { OnnxOpTable } from '../op-context';
import { activationOps } from './activations';
import { basicOps } from './basic';
import { convPoolOps } from './conv-pool';
import { convTransposeOps } from './conv-transpose';
import { dropoutOps } from './dropout';
import { einsumOps } from './einsum';
import { elementwiseOps } from './elementwise';
import { gradientOps } from './gradient';
import { indexingOps } from './indexing';
import { linalgOps } from './linalg';
import { lossOps } from './losses';
import { normalizationOps } from './normalization';
import { recurrentOps } from './recurrent';
import { reduceOps } from './reduce';
import { shapeOps } from './shape';
import { variadicOps } from './variadic';

/**
 * Every ONNX operator `importOnnx` maps onto nagare, one family per file. To map a new operator,
 * add an entry to its family's table (or a new family file here); key it `Domain:OpType` outside
 * ai.onnx. The training operators (Adam, Adagrad, Momentum) need @nagare/optimizers, which this
 * package does not depend on: apps/conformance passes them as extra `operators`.
 */
export const ONNX_OPERATORS: OnnxOpTable = {
  ...elementwiseOps,
  ...activationOps,
  ...variadicOps,
  ...reduceOps,
  ...linalgOps,
  ...einsumOps,
  ...shapeOps,
  ...basicOps,
  ...indexingOps,
  ...convPoolOps,
  ...convTransposeOps,
  ...dropoutOps,
  ...normalizationOps,
  ...lossOps,
  ...recurrentOps,
  ...gradientOps,
};
