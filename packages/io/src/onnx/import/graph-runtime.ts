import type { DType, Tensor } from '@nagare/tensor';
import { UnsupportedOnnxError } from '../../errors/unsupported-onnx-error';
import { OnnxDataType, type OnnxDataTypeCode, type OnnxModel, type OnnxNode } from '../onnx-types';
import { type GraphValue, OnnxOpContext, type OnnxOpTable } from './op-context';

export const DEFAULT_ONNX_TYPE: Record<DType, OnnxDataTypeCode> = {
  float32: OnnxDataType.FLOAT,
  float64: OnnxDataType.DOUBLE,
  int32: OnnxDataType.INT32,
  bool: OnnxDataType.BOOL,
};

/** The key of a node's mapping: the op type, prefixed by its domain outside ai.onnx. */
export function opKey(domain: string, opType: string): string {
  return domain === '' || domain === 'ai.onnx' ? opType : `${domain}:${opType}`;
}

/**
 * Runs a model's nodes in order on nagare tensors. Also lets a mapping (Gradient) re-evaluate part
 * of the graph with some values replaced.
 */
export class GraphRuntime {
  private readonly opsets = new Map<string, number>();
  private readonly declaredTypes = new Map<string, OnnxDataTypeCode>();
  /** Graph inputs and initializers: the values `evaluate` starts from. */
  private readonly leafNames = new Set<string>();
  /** Nodes being evaluated, so re-evaluating the graph from inside a node cannot recurse into it. */
  readonly #evaluating = new Set<OnnxNode>();

  constructor(
    readonly model: OnnxModel,
    private readonly table: OnnxOpTable,
  ) {
    for (const { domain, version } of model.opsetImports)
      this.opsets.set(domain === 'ai.onnx' ? '' : domain, version);
    const { graph } = model;
    for (const info of [...graph.inputs, ...graph.valueInfo, ...graph.outputs]) {
      if (info.elemType) this.declaredTypes.set(info.name, info.elemType);
    }
    for (const name of [...graph.inputs.map((i) => i.name), ...graph.initializers.map((t) => t.name)])
      this.leafNames.add(name);
  }

  /**
   * Evaluates nodes in order into `values` until every name in `targets` is known (all nodes when
   * `targets` is omitted). Values already present are not recomputed.
   */
  run(values: Map<string, GraphValue>, targets?: readonly string[]): Map<string, GraphValue> {
    for (const node of this.model.graph.nodes) {
      if (targets?.every((name) => values.has(name))) break;
      if (this.#evaluating.has(node)) {
        throw new UnsupportedOnnxError(node.opType, 'the graph needs this node to compute its own input');
      }
      if (node.outputs.every((name) => name === '' || values.has(name))) continue;
      const inputs = node.inputs.map((name) => (name === '' ? undefined : values.get(name)));
      node.inputs.forEach((name, i) => {
        if (name !== '' && !inputs[i])
          throw new UnsupportedOnnxError(node.opType, `input "${name}" is not available`);
      });
      const handler = this.table[opKey(node.domain, node.opType)];
      if (!handler) throw new UnsupportedOnnxError(node.opType);
      const opset = this.opsets.get(node.domain === 'ai.onnx' ? '' : node.domain) ?? 1;
      this.#evaluating.add(node);
      let outputs: (Tensor | undefined)[];
      try {
        outputs = handler(new OnnxOpContext(node, opset, inputs, this, values));
      } finally {
        this.#evaluating.delete(node);
      }
      node.outputs.forEach((name, j) => {
        const tensor = outputs[j];
        if (name === '' || !tensor) return;
        values.set(name, {
          tensor,
          onnxType: this.declaredTypes.get(name) ?? DEFAULT_ONNX_TYPE[tensor.dtype],
        });
      });
    }
    return values;
  }

  /**
   * Recomputes `target` from the graph's inputs and initializers in `values`, with some values
   * replaced (`overrides`): every node output is computed afresh, so it depends on the overrides.
   */
  evaluate(
    values: ReadonlyMap<string, GraphValue>,
    overrides: ReadonlyMap<string, Tensor>,
    target: string,
  ): Tensor {
    const fresh = new Map<string, GraphValue>();
    for (const [name, value] of values) if (this.leafNames.has(name)) fresh.set(name, value);
    for (const [name, tensor] of overrides) {
      fresh.set(name, { tensor, onnxType: values.get(name)?.onnxType ?? DEFAULT_ONNX_TYPE[tensor.dtype] });
    }
    const result = this.run(fresh, [target]).get(target);
    if (!result)
      throw new UnsupportedOnnxError('Gradient', `"${target}" cannot be computed from the graph inputs`);
    return result.tensor;
  }
}
