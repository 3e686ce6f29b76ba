import { type AnyModule, BatchNorm, Module } from '@nagare/layers';
import type { Tensor } from '@nagare/tensor';
import { attr, type OnnxGraphBuilder } from './graph-builder';

/**
 * Shared with the op tracer: while `suppressed` is above 0, ops are not part of the graph — they run
 * inside a module written whole, or inside an exporter (converting a constant's dtype).
 */
export interface TraceState {
  suppressed: number;
}

/**
 * BatchNorm in evaluation mode as one BatchNormalization node (which runtimes fuse into the
 * convolution before it) instead of the dozen primitive ops its forward pass runs. ONNX's momentum
 * weighs the running statistic, PyTorch's (and nagare's) the batch: m_onnx = 1 − m.
 */
function batchNormNode(layer: BatchNorm, x: Tensor, y: Tensor, g: OnnxGraphBuilder): void {
  const channels = layer.numFeatures;
  const dtype = y.dtype;
  const scale = layer.weight ? g.value(layer.weight) : g.constantValues(new Array(channels).fill(1), dtype);
  const bias = layer.bias ? g.value(layer.bias) : g.constantValues(new Array(channels).fill(0), dtype);
  const [output] = g.node(
    'BatchNormalization',
    [g.value(x), scale, bias, g.value(layer.runningMean!), g.value(layer.runningVar!)],
    [dtype],
    { epsilon: attr.float(layer.eps), momentum: attr.float(1 - (layer.momentum ?? 0.1)) },
  );
  g.bind(y, output);
}

/** The node writer for `module` as it is now (BatchNorm in evaluation mode with running statistics), or null. */
function wholeWriter(module: AnyModule) {
  if (module instanceof BatchNorm && !module.training && module.runningMean && module.runningVar) {
    return (x: Tensor, y: Tensor, g: OnnxGraphBuilder) => batchNormNode(module, x, y, g);
  }
  return null;
}

/**
 * Lets the modules ONNX has one operator for run as usual during the trace, but be written as that
 * operator: their `call` is wrapped (on the instance) to pause op tracing and emit the node.
 * Returns the function that restores them.
 */
export function installModuleExporters(model: unknown, g: OnnxGraphBuilder, state: TraceState): () => void {
  if (!(model instanceof Module)) return () => {};
  const wrapped: AnyModule[] = [];
  for (const module of model.modules()) {
    if (!(module instanceof BatchNorm)) continue;
    const call = module.call;
    module.call = (x: Tensor) => {
      const write = state.suppressed === 0 ? wholeWriter(module) : null;
      if (!write) return call.call(module, x);
      state.suppressed++;
      let y: Tensor;
      try {
        y = call.call(module, x);
      } finally {
        state.suppressed--;
      }
      write(x, y, g);
      return y;
    };
    wrapped.push(module);
  }
  return () => {
    // The wrapper is an own property; deleting it uncovers the prototype's `call` again.
    for (const module of wrapped) delete (module as { call?: unknown }).call;
  };
}
