import { OnnxFormatError } from '../../../errors/onnx-format-error';
import { type OnnxModel, type OnnxNode, type OnnxValueInfo, onnxDataTypeName } from '../../onnx-types';
import { SUPPORTED_ONNX_TYPES } from '../../tensor-proto';
import { opKey } from '../graph-runtime';
import { CUSTOM_DOMAIN_OPSETS, OPERATOR_SCHEMAS, SUPPORTED_OPSETS } from './operator-schemas';

const normalizeDomain = (domain: string) => (domain === 'ai.onnx' ? '' : domain);
const describeDomain = (domain: string) => (domain === '' ? 'ai.onnx' : domain);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const describeRange = ([min, max]: readonly [number, number]) =>
  min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;

/** Each imported domain once, at a version nagare reads. */
function checkOpsets(model: OnnxModel, source: string): void {
  const seen = new Set<string>();
  for (const { domain, version } of model.opsetImports) {
    const key = normalizeDomain(domain);
    if (seen.has(key))
      throw new OnnxFormatError(source, `opset of domain ${describeDomain(key)} is imported twice`);
    seen.add(key);
    const [min, max] = SUPPORTED_OPSETS.get(key) ?? CUSTOM_DOMAIN_OPSETS;
    if (!Number.isSafeInteger(version) || version < min || version > max) {
      throw new OnnxFormatError(
        source,
        `opset ${version} of domain ${describeDomain(key)} is outside the supported range ${min} to ${max}`,
      );
    }
  }
}

/**
 * Graph inputs, outputs and value infos hold element types nagare has a dtype for, and their
 * fixed dims are lengths.
 */
function checkValueInfos(model: OnnxModel, source: string): void {
  const { graph } = model;
  const groups: [string, readonly OnnxValueInfo[]][] = [
    ['graph input', graph.inputs],
    ['graph output', graph.outputs],
    ['value', graph.valueInfo],
  ];
  for (const [role, infos] of groups) {
    for (const info of infos) {
      const bad = info.shape?.find((d) => typeof d === 'number' && !(Number.isSafeInteger(d) && d >= 0));
      if (bad !== undefined)
        throw new OnnxFormatError(source, `${role} "${info.name}" has an invalid dimension ${bad}`);
      // 0 (UNDEFINED) means the type was not recorded: the operators decide it while running.
      if (info.kind !== 'tensor' || !info.elemType || SUPPORTED_ONNX_TYPES.includes(info.elemType)) continue;
      throw new OnnxFormatError(
        source,
        `${role} "${info.name}" has element type ${onnxDataTypeName(info.elemType)}, which nagare cannot hold (supported: ${SUPPORTED_ONNX_TYPES.map(onnxDataTypeName).join(', ')})`,
      );
    }
  }
}

function firstDuplicate(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/**
 * Every value has one producer: initializer and graph input names are unique, and no node output
 * reuses an initializer, a graph input or another node's output (the runtime would silently keep
 * one of them). An initializer may also be a graph input: that is how ONNX marks it overridable.
 */
function checkValueNames(model: OnnxModel, source: string): void {
  const { graph } = model;
  const initializer = firstDuplicate(graph.initializers.map((t) => t.name));
  if (initializer !== undefined)
    throw new OnnxFormatError(source, `initializer name "${initializer}" is used twice`);
  const input = firstDuplicate(graph.inputs.map((info) => info.name));
  if (input !== undefined) throw new OnnxFormatError(source, `graph input name "${input}" is used twice`);
  const producers = new Map<string, string>();
  for (const t of graph.initializers) producers.set(t.name, 'an initializer');
  for (const info of graph.inputs) if (!producers.has(info.name)) producers.set(info.name, 'a graph input');
  for (const node of graph.nodes) {
    for (const name of node.outputs) {
      if (name === '') continue;
      const previous = producers.get(name);
      if (previous !== undefined)
        throw new OnnxFormatError(source, `output "${name}" reuses the name of ${previous}`, node);
      producers.set(name, `the output of node "${node.name}" (${node.opType})`);
    }
  }
}

/** The node's input and output counts and attribute names against its operator's schema. */
function checkNode(node: OnnxNode, source: string): void {
  const schema = OPERATOR_SCHEMAS.get(opKey(node.domain, node.opType));
  if (!schema) return; // an operator without a mapping is reported by importOnnx's operator check
  const counts: [string, number, readonly [number, number]][] = [
    ['input', node.inputs.length, schema.inputs],
    ['output', node.outputs.length, schema.outputs],
  ];
  for (const [kind, count, range] of counts) {
    if (count < range[0] || count > range[1]) {
      throw new OnnxFormatError(
        source,
        `has ${plural(count, kind)}, the operator takes ${describeRange(range)}`,
        node,
      );
    }
  }
  for (const name of Object.keys(node.attributes)) {
    if (!schema.attributes.includes(name)) {
      const known = schema.attributes.length ? schema.attributes.join(', ') : 'none';
      throw new OnnxFormatError(source, `has unknown attribute "${name}" (known: ${known})`, node);
    }
  }
}

/**
 * Checks a decoded model against ONNX's rules before anything runs: supported opsets, element
 * types nagare can hold, one producer per value name, and each node's arity and attributes
 * against its operator's schema. Throws `OnnxFormatError` naming the node (or value) at fault.
 */
export function validateOnnxModel(model: OnnxModel, source: string): void {
  checkOpsets(model, source);
  checkValueInfos(model, source);
  checkValueNames(model, source);
  for (const node of model.graph.nodes) checkNode(node, source);
}
