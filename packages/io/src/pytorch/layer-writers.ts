import {
  AdaptiveAvgPool2d,
  AdaptiveMaxPool2d,
  type AdaptiveSize,
  AlphaDropout,
  type AnyModule,
  AvgPool2d,
  type BatchNorm,
  BatchNorm1d,
  BatchNorm2d,
  Conv1d,
  Conv2d,
  Dropout,
  Dropout2d,
  Embedding,
  Flatten,
  Identity,
  LayerNorm,
  Linear,
  MaxPool2d,
} from '@nagare/layers';
import type { Padding2d, Size2d } from '@nagare/tensor';
import { PyTorchExportError } from '../errors/pytorch-export-error';
import { call, type PyExpr, pyBool, pyFloat, pyInt, pyPair, pyString, tuple } from './python-expression';

/**
 * True when `module` is an instance of exactly `type`, not of a subclass: a subclass may change
 * `forward`, and writing it as its parent's torch.nn layer would silently change the model.
 */
export function isExactly<T>(
  module: AnyModule,
  type: abstract new (...args: never[]) => T,
): module is AnyModule & T {
  return module.constructor === type;
}

/** Where a writer is in the model: the module's dotted path, for error messages. */
export interface WriterContext {
  readonly path: string;
}

/** Writes the PyTorch constructor call of one kind of module, or returns null when `module` is another kind. */
export type LayerWriter = (module: AnyModule, context: WriterContext) => PyExpr | null;

const unsupported = (module: AnyModule, context: WriterContext, detail: string) =>
  new PyTorchExportError(context.path, module.constructor.name, detail);

const pairOf = (value: Size2d): [number, number] =>
  typeof value === 'number' ? [value, value] : [value[0], value[1]];

/** A 2-D padding as PyTorch's symmetric (h, w); asymmetric and 'same' paddings have no such form. */
function padding2d(padding: Padding2d, module: AnyModule, context: WriterContext): PyExpr {
  if (padding === 'valid') return pyInt(0);
  if (padding === 'same') return pyString('same');
  if (typeof padding === 'number') return pyInt(padding);
  if (padding.length === 2) return pyPair([padding[0], padding[1]]);
  const [top, bottom, left, right] = padding;
  if (top !== bottom || left !== right)
    throw unsupported(
      module,
      context,
      `has asymmetric padding [${padding.join(', ')}], which PyTorch's layer cannot hold`,
    );
  return pyPair([top, left]);
}

function conv2d(module: Conv2d, context: WriterContext): PyExpr {
  const padding = padding2d(module.padding, module, context);
  if (padding === pyString('same') && (module.stride[0] !== 1 || module.stride[1] !== 1))
    throw unsupported(module, context, "has padding 'same' with a stride, which PyTorch does not support");
  return call('nn.Conv2d', [pyInt(module.inChannels), pyInt(module.outChannels), pyPair(module.kernelSize)], {
    stride: module.stride[0] === 1 && module.stride[1] === 1 ? undefined : pyPair(module.stride),
    padding: padding === pyInt(0) ? undefined : padding,
    dilation: module.dilation[0] === 1 && module.dilation[1] === 1 ? undefined : pyPair(module.dilation),
    groups: module.groups === 1 ? undefined : pyInt(module.groups),
    bias: pyBool(module.bias !== null),
    padding_mode: module.paddingMode === 'zeros' ? undefined : pyString(module.paddingMode),
  });
}

function conv1d(module: Conv1d, context: WriterContext): PyExpr {
  let padding: PyExpr;
  if (module.padding === 'valid') padding = pyInt(0);
  else if (module.padding === 'same') padding = pyString('same');
  else if (typeof module.padding === 'number') padding = pyInt(module.padding);
  else if (module.padding[0] === module.padding[1]) padding = pyInt(module.padding[0]);
  else throw unsupported(module, context, `has asymmetric padding [${module.padding.join(', ')}]`);
  if (padding === pyString('same') && module.stride !== 1)
    throw unsupported(module, context, "has padding 'same' with a stride, which PyTorch does not support");
  return call('nn.Conv1d', [pyInt(module.inChannels), pyInt(module.outChannels), pyInt(module.kernelSize)], {
    stride: module.stride === 1 ? undefined : pyInt(module.stride),
    padding: padding === pyInt(0) ? undefined : padding,
    dilation: module.dilation === 1 ? undefined : pyInt(module.dilation),
    groups: module.groups === 1 ? undefined : pyInt(module.groups),
    bias: pyBool(module.bias !== null),
  });
}

function pool(module: MaxPool2d | AvgPool2d, context: WriterContext): PyExpr {
  const { options } = module;
  const padding = options.padding === undefined ? undefined : padding2d(options.padding, module, context);
  if (padding === pyString('same'))
    throw unsupported(module, context, "has padding 'same', which PyTorch's pooling lacks");
  const common = {
    stride: options.stride === undefined ? undefined : pyPair(pairOf(options.stride)),
    padding: padding === pyInt(0) ? undefined : padding,
    ceil_mode: options.ceilMode ? pyBool(true) : undefined,
  };
  if (module instanceof MaxPool2d) {
    const dilation = options.dilation === undefined ? undefined : pyPair(pairOf(options.dilation));
    return call('nn.MaxPool2d', [pyPair(pairOf(module.kernelSize))], { ...common, dilation });
  }
  if (options.dilation !== undefined && pyPair(pairOf(options.dilation)) !== pyInt(1))
    throw unsupported(module, context, 'has a dilation, which PyTorch average pooling lacks');
  const countIncludePad = module.options.countIncludePad === false ? pyBool(false) : undefined;
  return call('nn.AvgPool2d', [pyPair(pairOf(module.kernelSize))], {
    ...common,
    count_include_pad: countIncludePad,
  });
}

function adaptiveSize(size: AdaptiveSize): PyExpr {
  if (typeof size === 'number') return pyInt(size);
  return tuple(size.map((n) => (n === null ? 'None' : pyInt(n))));
}

function batchNorm(module: BatchNorm, context: WriterContext): PyExpr {
  const kind =
    module instanceof BatchNorm2d
      ? 'nn.BatchNorm2d'
      : module instanceof BatchNorm1d
        ? 'nn.BatchNorm1d'
        : null;
  if (kind === null)
    throw unsupported(module, context, 'is a BatchNorm of a rank PyTorch export does not know');
  return call(kind, [pyInt(module.numFeatures)], {
    eps: module.eps === 1e-5 ? undefined : pyFloat(module.eps),
    momentum:
      module.momentum === 0.1 ? undefined : module.momentum === null ? 'None' : pyFloat(module.momentum),
    affine: module.weight === null ? pyBool(false) : undefined,
    track_running_stats: module.runningMean === null ? pyBool(false) : undefined,
  });
}

function layerNorm(module: LayerNorm, context: WriterContext): PyExpr {
  if ((module.weight === null) !== (module.bias === null))
    throw unsupported(
      module,
      context,
      'has a weight without a bias (or the reverse), which PyTorch 1.13 cannot hold',
    );
  return call('nn.LayerNorm', [tuple(module.normalizedShape.map(pyInt))], {
    eps: module.eps === 1e-5 ? undefined : pyFloat(module.eps),
    elementwise_affine: module.weight === null ? pyBool(false) : undefined,
  });
}

/** The writers of nagare's layers that are one torch.nn layer each. */
export const LAYER_WRITERS: readonly LayerWriter[] = [
  (m) =>
    isExactly(m, Linear)
      ? call('nn.Linear', [pyInt(m.inFeatures), pyInt(m.outFeatures)], { bias: pyBool(m.bias !== null) })
      : null,
  (m, c) => (isExactly(m, Conv2d) ? conv2d(m, c) : null),
  (m, c) => (isExactly(m, Conv1d) ? conv1d(m, c) : null),
  (m, c) => (isExactly(m, MaxPool2d) || isExactly(m, AvgPool2d) ? pool(m, c) : null),
  (m) =>
    isExactly(m, AdaptiveAvgPool2d) ? call('nn.AdaptiveAvgPool2d', [adaptiveSize(m.outputSize)]) : null,
  (m) =>
    isExactly(m, AdaptiveMaxPool2d) ? call('nn.AdaptiveMaxPool2d', [adaptiveSize(m.outputSize)]) : null,
  (m, c) => (isExactly(m, BatchNorm1d) || isExactly(m, BatchNorm2d) ? batchNorm(m, c) : null),
  (m, c) => (isExactly(m, LayerNorm) ? layerNorm(m, c) : null),
  (m) => (isExactly(m, Dropout) ? call('nn.Dropout', [pyFloat(m.p)]) : null),
  (m) => (isExactly(m, Dropout2d) ? call('nn.Dropout2d', [pyFloat(m.p)]) : null),
  (m) => (isExactly(m, AlphaDropout) ? call('nn.AlphaDropout', [pyFloat(m.p)]) : null),
  (m) => (isExactly(m, Flatten) ? call('nn.Flatten', [], flattenDims(m)) : null),
  (m) => (isExactly(m, Identity) ? call('nn.Identity') : null),
  (m) =>
    isExactly(m, Embedding)
      ? call('nn.Embedding', [pyInt(m.numEmbeddings), pyInt(m.embeddingDim)], {
          padding_idx: m.paddingIdx === null ? undefined : pyInt(m.paddingIdx),
        })
      : null,
];

function flattenDims(module: Flatten): Record<string, PyExpr | undefined> {
  return {
    start_dim: module.startDim === 1 ? undefined : pyInt(module.startDim),
    end_dim: module.endDim === -1 ? undefined : pyInt(module.endDim),
  };
}
