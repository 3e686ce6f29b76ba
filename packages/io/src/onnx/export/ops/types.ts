import type { OpName, OpRecord } from '@nagare/tensor';
import type { OnnxGraphBuilder } from '../graph-builder';

/**
 * Writes one traced nagare op as ONNX nodes and returns the value names of the op's outputs, in
 * order. Inputs are read with `g.value`/`g.valueAs`, which also turn constants into initializers.
 */
export type OpExporter<K extends OpName> = (record: OpRecord<K>, g: OnnxGraphBuilder) => string[];

/** Exporters by nagare op name. An op missing here has no ONNX form (a backward or optimizer kernel). */
export type OpExporterTable = { [K in OpName]?: OpExporter<K> };
