import { elementwiseExporters } from './elementwise';
import { networkExporters } from './network';
import { reduceExporters } from './reduce';
import { shapeExporters } from './shape';
import type { OpExporterTable } from './types';

/**
 * How each nagare primitive op is written as ONNX, one family per file. Ops missing here (the
 * backward kernels and the fused optimizer updates) never run in an inference forward pass.
 */
export const OP_EXPORTERS: OpExporterTable = {
  ...elementwiseExporters,
  ...reduceExporters,
  ...shapeExporters,
  ...networkExporters,
};
