import type { OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from '@nagare/io';
import type { CaseSpec } from '../types';

const FLOAT = 1; // TensorProto.DataType.FLOAT

/** A graph input fed at every run: its name, shape and the values fed. */
export interface OnnxFeed {
  name: string;
  dims: number[];
  values: Float32Array;
}

/** An ONNX model of one case with the inputs to feed it. */
export interface OnnxCase {
  model: OnnxModel;
  feeds: OnnxFeed[];
}

/**
 * Standard-normal float32 values from a seeded xorshift generator and the Box–Muller transform:
 * the same distribution the nagare and tfjs inputs are drawn from.
 */
export function normalValues(size: number, seed: number): Float32Array {
  let state = (seed * 2654435761 + 1) >>> 0 || 1;
  const uniform = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return (state + 1) / 4294967297;
  };
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++)
    values[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return values;
}

function floatInfo(name: string, shape: number[]): OnnxValueInfo {
  return { name, kind: 'tensor', elemType: FLOAT, shape };
}

function node(opType: string, inputs: string[], attributes: OnnxNode['attributes'] = {}): OnnxNode {
  return { name: opType.toLowerCase(), opType, domain: '', inputs, outputs: ['y'], attributes };
}

function model(nodes: OnnxNode[], feeds: OnnxFeed[], outputShape: number[], initializers: OnnxTensor[] = []) {
  return {
    irVersion: 8,
    producerName: '@nagare/bench',
    producerVersion: '0.0.0',
    domain: '',
    modelVersion: 1,
    docString: '',
    opsetImports: [{ domain: '', version: 17 }],
    graph: {
      name: 'bench',
      nodes,
      inputs: feeds.map((feed) => floatInfo(feed.name, feed.dims)),
      outputs: [floatInfo('y', outputShape)],
      initializers,
      valueInfo: [],
    },
    metadata: {},
  } satisfies OnnxModel;
}

function feed(name: string, dims: number[], seed: number): OnnxFeed {
  return {
    name,
    dims,
    values: normalValues(
      dims.reduce((a, b) => a * b, 1),
      seed,
    ),
  };
}

/**
 * The single-operator ONNX model of a matmul, conv, elementwise or dispatch case. Convolution
 * weights are an initializer, as in a deployed model, so onnxruntime may pre-pack them once.
 *
 * @example
 * const { model, feeds } = onnxCase({ suite: 'matmul', name: '128', n: 128 });
 */
export function onnxCase(spec: CaseSpec): OnnxCase {
  switch (spec.suite) {
    case 'matmul': {
      const feeds = [feed('a', [spec.n, spec.n], 1), feed('b', [spec.n, spec.n], 2)];
      return { model: model([node('MatMul', ['a', 'b'])], feeds, [spec.n, spec.n]), feeds };
    }
    case 'conv': {
      const [n, c, h, w] = spec.input;
      const feeds = [feed('x', [n, c, h, w], 1)];
      const dims = [spec.outChannels, c, 3, 3];
      const weight = {
        name: 'w',
        dataType: FLOAT,
        dims,
        values: normalValues(
          dims.reduce((a, b) => a * b),
          2,
        ),
      };
      const conv = node('Conv', ['x', 'w'], {
        kernel_shape: { type: 'ints', value: [3, 3] },
        pads: { type: 'ints', value: [1, 1, 1, 1] },
        strides: { type: 'ints', value: [1, 1] },
      });
      return { model: model([conv], feeds, [n, spec.outChannels, h, w], [weight]), feeds };
    }
    case 'elementwise':
    case 'dispatch': {
      const op = spec.suite === 'dispatch' ? 'add' : spec.op;
      const feeds =
        op === 'add' ? [feed('a', [spec.size], 1), feed('b', [spec.size], 2)] : [feed('a', [spec.size], 1)];
      const onnxOp = { add: 'Add', relu: 'Relu', exp: 'Exp', sum: 'ReduceSum' }[op];
      const attributes: OnnxNode['attributes'] = op === 'sum' ? { keepdims: { type: 'int', value: 0 } } : {};
      const output = op === 'sum' ? [] : [spec.size];
      return {
        model: model(
          [
            node(
              onnxOp,
              feeds.map((f) => f.name),
              attributes,
            ),
          ],
          feeds,
          output,
        ),
        feeds,
      };
    }
    case 'train':
    case 'small':
      throw new Error('onnxruntime-node runs inference only: it has no training');
  }
}
