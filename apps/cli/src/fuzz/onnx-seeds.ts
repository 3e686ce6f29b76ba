import {
  type OnnxAttribute,
  OnnxDataType,
  type OnnxModel,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValueInfo,
} from '@nagare/io';

// Hand-built ONNX models the ONNX corpus mutates: a chain of layers (the import-time self-check
// runs on it), a small CNN, and a graph whose output sizes come from initializers (Expand, Range,
// Pad, OneHot), so mutated values reach the size guard.

const f32 = (name: string, dims: number[], fill = (i: number) => Math.sin(i)): OnnxTensor => ({
  name,
  dataType: OnnxDataType.FLOAT,
  dims,
  values: Float32Array.from({ length: dims.reduce((p, d) => p * d, 1) }, (_, i) => fill(i)),
});
const i64 = (name: string, dims: number[], values: number[]): OnnxTensor => ({
  name,
  dataType: OnnxDataType.INT64,
  dims,
  values: BigInt64Array.from(values, (v) => BigInt(v)),
});
const info = (
  name: string,
  shape: (number | string)[],
  elemType: number = OnnxDataType.FLOAT,
): OnnxValueInfo => ({
  name,
  kind: 'tensor',
  elemType,
  shape,
});
const ints = (value: number[]): OnnxAttribute => ({ type: 'ints', value });
const int = (value: number): OnnxAttribute => ({ type: 'int', value });
const node = (
  opType: string,
  inputs: string[],
  outputs: string[],
  attributes: Record<string, OnnxAttribute> = {},
): OnnxNode => ({
  name: `${opType.toLowerCase()}_${outputs[0]}`,
  opType,
  domain: '',
  inputs,
  outputs,
  attributes,
});
const model = (
  nodes: OnnxNode[],
  inputs: OnnxValueInfo[],
  outputs: OnnxValueInfo[],
  initializers: OnnxTensor[],
  opset = 17,
): OnnxModel => ({
  irVersion: 8,
  producerName: 'nagare-fuzz',
  producerVersion: '1',
  domain: '',
  modelVersion: 1,
  docString: '',
  opsetImports: [{ domain: '', version: opset }],
  graph: { name: 'g', nodes, inputs, outputs, initializers, valueInfo: [] },
  metadata: {},
});

/** The ONNX seed models, decoded (the corpus encodes them after structural mutations). */
export function onnxSeedModels(): OnnxModel[] {
  const mlp = model(
    [
      node('Gemm', ['x', '0.weight', '0.bias'], ['h'], { transB: int(1) }),
      node('Relu', ['h'], ['r']),
      node('Gemm', ['r', '2.weight', '2.bias'], ['y'], { transB: int(1) }),
    ],
    [info('x', ['batch', 4])],
    [info('y', ['batch', 3])],
    [f32('0.weight', [5, 4]), f32('0.bias', [5]), f32('2.weight', [3, 5]), f32('2.bias', [3])],
  );
  const cnn = model(
    [
      node('Conv', ['x', 'c.weight', 'c.bias'], ['a'], {
        kernel_shape: ints([3, 3]),
        pads: ints([1, 1, 1, 1]),
      }),
      node('Relu', ['a'], ['b']),
      node('MaxPool', ['b'], ['c'], { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }),
      node('Flatten', ['c'], ['d'], { axis: int(1) }),
      node('Gemm', ['d', 'fc.weight', 'fc.bias'], ['y'], { transB: int(1) }),
    ],
    [info('x', [1, 1, 4, 4])],
    [info('y', [1, 2])],
    [f32('c.weight', [2, 1, 3, 3]), f32('c.bias', [2]), f32('fc.weight', [2, 8]), f32('fc.bias', [2])],
  );
  const sizes = model(
    [
      node('Expand', ['x', 'shape'], ['e']),
      node('Pad', ['e', 'pads'], ['p']),
      node('Range', ['start', 'limit', 'delta'], ['r']),
      node('OneHot', ['indices', 'depth', 'onoff'], ['o'], { axis: int(-1) }),
      node('Reshape', ['p', 'flat'], ['y']),
    ],
    [info('x', [1, 3]), info('indices', [3], OnnxDataType.INT64)],
    [{ name: 'y', kind: 'tensor', elemType: OnnxDataType.FLOAT }, info('r', [4]), info('o', [3, 4])],
    [
      i64('shape', [2], [2, 3]),
      i64('pads', [4], [0, 1, 0, 1]),
      f32('start', [], () => 0),
      f32('limit', [], () => 4),
      f32('delta', [], () => 1),
      i64('depth', [], [4]),
      f32('onoff', [2], (i) => i),
      i64('flat', [1], [-1]),
    ],
    13,
  );
  return [mlp, cnn, sizes];
}
