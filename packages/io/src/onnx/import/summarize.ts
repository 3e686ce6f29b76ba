import type { Module } from '@nagare/layers';
import { type OnnxModel, type OnnxValueInfo, onnxDataTypeName } from '../onnx-types';

const count = (n: number) => n.toLocaleString('en-US');

function describeValue(info: OnnxValueInfo): string {
  if (info.kind !== 'tensor') return `${info.name}: ${info.kind}`;
  const type = info.elemType ? onnxDataTypeName(info.elemType) : '?';
  const shape = info.shape
    ? `[${info.shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`
    : '(any shape)';
  return `${info.name}: ${type} ${shape}`;
}

/**
 * The text of `ImportedOnnx.summary()`: producer and opsets, inputs and outputs, operators with
 * their node counts, initializer values, and the nagare layers when the graph is a chain of them.
 */
export function summarizeGraph(model: OnnxModel, module: Module | null): string {
  const { graph } = model;
  const initializerNames = new Set(graph.initializers.map((t) => t.name));
  const inputs = graph.inputs.filter((info) => !initializerNames.has(info.name));
  const opsets = model.opsetImports.map((o) => `${o.domain || 'ai.onnx'} ${o.version}`).join(', ');
  const producer = [model.producerName, model.producerVersion].filter(Boolean).join(' ') || 'unknown';
  const operators = new Map<string, number>();
  for (const node of graph.nodes) {
    const key = node.domain && node.domain !== 'ai.onnx' ? `${node.domain}:${node.opType}` : node.opType;
    operators.set(key, (operators.get(key) ?? 0) + 1);
  }
  const values = graph.initializers.reduce((total, t) => total + t.values.length, 0);
  const lines = [
    `graph "${graph.name}" (IR ${model.irVersion}, opset ${opsets || 'none'}), produced by ${producer}`,
    `inputs (${inputs.length})`,
    ...inputs.map((info) => `  ${describeValue(info)}`),
    `outputs (${graph.outputs.length})`,
    ...graph.outputs.map((info) => `  ${describeValue(info)}`),
    `nodes (${graph.nodes.length}): ${[...operators].map(([op, n]) => `${op} ×${n}`).join(', ') || 'none'}`,
    `initializers: ${count(graph.initializers.length)} tensors, ${count(values)} values`,
  ];
  if (module) {
    lines.push('as nagare layers:', module.toString());
  } else {
    lines.push('as nagare layers: not a chain of known layers (runs as a graph)');
  }
  return lines.join('\n');
}
