import {
  AdaptiveAvgPool2d,
  AdaptiveMaxPool2d,
  AvgPool2d,
  BatchNorm1d,
  BatchNorm2d,
  Conv2d,
  ELU,
  Flatten,
  type FloatDType,
  GELU,
  Identity,
  LeakyReLU,
  Linear,
  LogSoftmax,
  MaxPool2d,
  ReLU,
  SELU,
  Sigmoid,
  Softmax,
  Softplus,
  Tanh,
  type TensorModule,
} from '@nagare/layers';
import { type Tensor, tidy, transpose } from '@nagare/tensor';
import { onnxTensorToTensor } from '../onnx-tensor';
import type { OnnxNode, OnnxTensor } from '../onnx-types';

/** What a layer recognizer knows besides the node: constants by name, the chain value's rank and dtype. */
export interface ChainContext {
  constants: ReadonlyMap<string, OnnxTensor>;
  rank: number;
  dtype: FloatDType;
  /** The ai.onnx opset version (Softmax changed meaning at 13). */
  opset: number;
  /** The next node of the chain, when it only adds a bias to this one's output. */
  biasAdd: OnnxNode | null;
}

/** A recognized layer, the rank of its output, and whether it also consumed `biasAdd`. */
export interface ChainLayer {
  layer: TensorModule;
  rank: number;
  consumedBiasAdd: boolean;
  /** The layer's name in the exporting model, read from its weight's initializer (`c1.weight` → `c1`). */
  name?: string;
}

/** `c1` for a weight initializer named `c1.weight`; undefined for any other form. */
function nameOf(weight: string): string | undefined {
  const match = /^([^.]+)\.weight$/.exec(weight);
  return match?.[1];
}

const int = (node: OnnxNode, name: string, fallback: number) => {
  const a = node.attributes[name];
  return a?.type === 'int' ? a.value : fallback;
};
const float = (node: OnnxNode, name: string, fallback: number) => {
  const a = node.attributes[name];
  return a?.type === 'float' ? a.value : fallback;
};
const ints = (node: OnnxNode, name: string) => {
  const a = node.attributes[name];
  return a?.type === 'ints' ? a.value : undefined;
};
const string = (node: OnnxNode, name: string, fallback: string) => {
  const a = node.attributes[name];
  return a?.type === 'string' ? a.value : fallback;
};

/** Loads `weights` (ONNX tensors, converted and freed here) into `layer` and returns it. */
function withWeights<M extends TensorModule>(layer: M, weights: Record<string, Tensor | OnnxTensor>): M {
  tidy(() => {
    const dict = Object.fromEntries(
      Object.entries(weights).map(([k, v]) => [k, 'dataType' in v ? onnxTensorToTensor(v) : v]),
    );
    layer.loadStateDict(dict, { strict: false });
  });
  return layer;
}

/** The 1-D bias a following `Add` contributes for `channels` outputs, or null. */
function biasOf(context: ChainContext, channels: number, spatialRank: number): OnnxTensor | null {
  const add = context.biasAdd;
  if (!add) return null;
  const bias = context.constants.get(add.inputs[1]) ?? context.constants.get(add.inputs[0]);
  if (!bias) return null;
  const size = bias.dims.reduce((a, b) => a * b, 1);
  // [C], or [C, 1, 1] / [1, C, 1, 1] for a convolution: one value per output channel.
  const trailing = bias.dims.slice(bias.dims.indexOf(channels) + 1);
  if (size !== channels || trailing.length !== spatialRank) return null;
  return { ...bias, dims: [channels] };
}

/** Gemm (α = β = 1, no transA) or MatMul with a constant 2-D weight, plus its bias → Linear. */
function linear(node: OnnxNode, context: ChainContext): ChainLayer | null {
  const b = context.constants.get(node.inputs[1]);
  if (b?.dims.length !== 2) return null;
  const isGemm = node.opType === 'Gemm';
  if (
    isGemm &&
    (int(node, 'transA', 0) !== 0 || float(node, 'alpha', 1) !== 1 || float(node, 'beta', 1) !== 1)
  )
    return null;
  if (!isGemm && context.rank !== 2) return null;
  const isTransposed = isGemm && int(node, 'transB', 0) === 1;
  const [outFeatures, inFeatures] = isTransposed ? b.dims : [b.dims[1], b.dims[0]];
  const c = isGemm && node.inputs[2] ? context.constants.get(node.inputs[2]) : undefined;
  if (isGemm && node.inputs[2] && (!c || c.values.length !== outFeatures)) return null;
  const added = c ? null : biasOf(context, outFeatures, 0);
  const bias = c ? { ...c, dims: [outFeatures] } : added;
  const layer = new Linear(inFeatures, outFeatures, { bias: bias !== null, dtype: context.dtype });
  tidy(() => {
    const weight = isTransposed ? onnxTensorToTensor(b) : transpose(onnxTensorToTensor(b), [1, 0]);
    withWeights(layer, bias ? { weight, bias } : { weight });
  });
  return { layer, rank: 2, consumedBiasAdd: added !== null, name: nameOf(node.inputs[1]) };
}

/** Explicit 2-D window attributes (auto_pad NOTSET or VALID), as nagare's [top, bottom, left, right]. */
function window2d(node: OnnxNode) {
  const autoPad = string(node, 'auto_pad', 'NOTSET');
  if (autoPad !== 'NOTSET' && autoPad !== 'VALID') return null;
  const pads = autoPad === 'VALID' ? [0, 0, 0, 0] : (ints(node, 'pads') ?? [0, 0, 0, 0]);
  const strides = ints(node, 'strides') ?? [1, 1];
  const dilations = ints(node, 'dilations') ?? [1, 1];
  if (pads.length !== 4 || strides.length !== 2 || dilations.length !== 2) return null;
  return {
    stride: [strides[0], strides[1]] as [number, number],
    dilation: [dilations[0], dilations[1]] as [number, number],
    padding: [pads[0], pads[2], pads[1], pads[3]] as [number, number, number, number],
  };
}

/** 2-D Conv with a constant weight (and bias, or a following bias Add) → Conv2d. */
function conv(node: OnnxNode, context: ChainContext): ChainLayer | null {
  const w = context.constants.get(node.inputs[1]);
  const window = window2d(node);
  if (w?.dims.length !== 4 || !window || context.rank !== 4) return null;
  const groups = int(node, 'group', 1);
  const [outChannels, perGroup, kh, kw] = w.dims;
  const given = node.inputs[2] ? context.constants.get(node.inputs[2]) : undefined;
  if (node.inputs[2] && !given) return null;
  const added = given ? null : biasOf(context, outChannels, 2);
  const bias = given ?? added;
  const layer = new Conv2d(perGroup * groups, outChannels, [kh, kw], {
    ...window,
    groups,
    bias: bias !== null,
    dtype: context.dtype,
  });
  withWeights(layer, bias ? { weight: w, bias } : { weight: w });
  return { layer, rank: 4, consumedBiasAdd: added !== null, name: nameOf(node.inputs[1]) };
}

function pool(node: OnnxNode, context: ChainContext): ChainLayer | null {
  const kernel = ints(node, 'kernel_shape');
  const window = window2d(node);
  if (kernel?.length !== 2 || !window || context.rank !== 4 || node.outputs.length > 1) return null;
  const options = {
    stride: window.stride,
    padding: window.padding,
    ceilMode: int(node, 'ceil_mode', 0) === 1,
  };
  const size: [number, number] = [kernel[0], kernel[1]];
  const layer =
    node.opType === 'MaxPool'
      ? new MaxPool2d(size, { ...options, dilation: window.dilation })
      : window.dilation.every((d) => d === 1)
        ? new AvgPool2d(size, { ...options, countIncludePad: int(node, 'count_include_pad', 0) === 1 })
        : null;
  return layer ? { layer, rank: 4, consumedBiasAdd: false } : null;
}

function batchNorm(node: OnnxNode, context: ChainContext): ChainLayer | null {
  const [scale, bias, mean, variance] = node.inputs.slice(1).map((name) => context.constants.get(name));
  if (!scale || !bias || !mean || !variance || int(node, 'training_mode', 0) !== 0) return null;
  const channels = scale.values.length;
  const options = {
    eps: float(node, 'epsilon', 1e-5),
    momentum: 1 - float(node, 'momentum', 0.9),
    dtype: context.dtype,
  };
  const layer =
    context.rank === 4
      ? new BatchNorm2d(channels, options)
      : context.rank <= 3
        ? new BatchNorm1d(channels, options)
        : null;
  if (!layer) return null;
  withWeights(layer, { weight: scale, bias, running_mean: mean, running_var: variance });
  return { layer: layer.eval(), rank: context.rank, consumedBiasAdd: false, name: nameOf(node.inputs[1]) };
}

/** Flatten(axis 1), or a Reshape to 2-D by a constant shape (checked when the chain is verified). */
function flatten(node: OnnxNode, context: ChainContext): ChainLayer | null {
  if (node.opType === 'Flatten' && int(node, 'axis', 1) !== 1) return null;
  if (node.opType === 'Reshape' && context.constants.get(node.inputs[1])?.values.length !== 2) return null;
  return { layer: new Flatten(), rank: 2, consumedBiasAdd: false };
}

const same =
  (make: (node: OnnxNode, context: ChainContext) => TensorModule | null) =>
  (node: OnnxNode, context: ChainContext): ChainLayer | null => {
    const layer = make(node, context);
    return layer ? { layer, rank: context.rank, consumedBiasAdd: false } : null;
  };

/** The ONNX operators a chain may hold, and the nagare layer each becomes. */
export const CHAIN_LAYERS: Record<string, (node: OnnxNode, context: ChainContext) => ChainLayer | null> = {
  Gemm: linear,
  MatMul: linear,
  Conv: conv,
  MaxPool: pool,
  AveragePool: pool,
  BatchNormalization: batchNorm,
  Flatten: flatten,
  Reshape: flatten,
  GlobalAveragePool: same(() => new AdaptiveAvgPool2d(1)),
  GlobalMaxPool: same(() => new AdaptiveMaxPool2d(1)),
  Relu: same(() => new ReLU()),
  Sigmoid: same(() => new Sigmoid()),
  Tanh: same(() => new Tanh()),
  LeakyRelu: same((node) => new LeakyReLU(float(node, 'alpha', 0.01))),
  Elu: same((node) => new ELU(float(node, 'alpha', 1))),
  Selu: same((node) => (node.attributes.alpha || node.attributes.gamma ? null : new SELU())),
  Softplus: same(() => new Softplus()),
  Gelu: same((node) => {
    const approximate = string(node, 'approximate', 'none');
    return approximate === 'none' || approximate === 'tanh' ? new GELU({ approximate }) : null;
  }),
  // Before opset 13 Softmax normalized a 2-D coercion of its input, not one axis.
  Softmax: same((node, context) => (context.opset >= 13 ? new Softmax(int(node, 'axis', -1)) : null)),
  LogSoftmax: same((node, context) => (context.opset >= 13 ? new LogSoftmax(int(node, 'axis', -1)) : null)),
  // Only inference Dropout (no training_mode input) is the identity.
  Dropout: same((node) => (node.inputs[2] ? null : new Identity())),
  Identity: same(() => new Identity()),
};
