import {
  type OnnxAttribute,
  OnnxDataType,
  type OnnxDim,
  type OnnxModel,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValueInfo,
} from '../onnx-types';

// Builders for hand-written ONNX graphs in tests, shaped like what PyTorch's exporter writes.

/** A FLOAT tensor (an initializer or a Constant's value). */
export const f32 = (name: string, dims: number[], values: number[]): OnnxTensor => ({
  name,
  dataType: OnnxDataType.FLOAT,
  dims,
  values: Float32Array.from(values),
});

/** An INT64 tensor (shapes, axes, Slice bounds). */
export const i64 = (name: string, dims: number[], values: (number | bigint)[]): OnnxTensor => ({
  name,
  dataType: OnnxDataType.INT64,
  dims,
  values: BigInt64Array.from(values, (v) => BigInt(v)),
});

/** A graph input or output. */
export const info = (
  name: string,
  shape?: OnnxDim[],
  elemType: number = OnnxDataType.FLOAT,
): OnnxValueInfo => ({
  name,
  kind: 'tensor',
  elemType,
  ...(shape ? { shape } : {}),
});

/** A node of the default domain (or `domain`). */
export function node(
  opType: string,
  inputs: string[],
  outputs: string[],
  attributes: Record<string, OnnxAttribute> = {},
  domain = '',
): OnnxNode {
  return { name: `${opType}_${outputs[0]}`, opType, domain, inputs, outputs, attributes };
}

/** A model around a graph, at ai.onnx `opset`. */
export function model(
  graph: {
    nodes: OnnxNode[];
    inputs: OnnxValueInfo[];
    outputs: OnnxValueInfo[];
    initializers?: OnnxTensor[];
  },
  opset = 17,
): OnnxModel {
  return {
    irVersion: 8,
    producerName: 'test',
    producerVersion: '1.0',
    domain: '',
    modelVersion: 0,
    docString: '',
    opsetImports: [{ domain: '', version: opset }],
    graph: { name: 'g', valueInfo: [], initializers: [], ...graph },
    metadata: {},
  };
}

/** Attribute shorthands. */
export const ints = (value: number[]): OnnxAttribute => ({ type: 'ints', value });
export const int = (value: number): OnnxAttribute => ({ type: 'int', value });
export const float = (value: number): OnnxAttribute => ({ type: 'float', value });
