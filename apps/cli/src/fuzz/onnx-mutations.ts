import type { OnnxAttribute, OnnxModel } from '@nagare/io';
import type { FuzzRandom } from './random';

const HUGE = [0, -1, 46341, 65536, 2 ** 20, 2 ** 31, 2 ** 40, 1e300];

/** Graph-level mutations of a decoded model: the rules `importOnnx` validates, and sizes from data. */
export const ONNX_MUTATIONS: Record<string, (model: OnnxModel, random: FuzzRandom) => void> = {
  blowUpDeclaredDim(model, random) {
    const info = random.pick([...model.graph.inputs, ...model.graph.outputs]);
    if (info.shape && info.shape.length > 0)
      info.shape[random.int(info.shape.length)] = random.pick([...HUGE, 'n', null]);
    else info.shape = [random.pick(HUGE), random.pick(HUGE)];
  },
  blowUpInitializerValue(model, random) {
    const candidates = model.graph.initializers.filter((t) => t.values.length > 0);
    if (candidates.length === 0) return;
    const tensor = random.pick(candidates);
    const i = random.int(tensor.values.length);
    const value = random.pick(HUGE);
    if (tensor.values instanceof BigInt64Array) tensor.values[i] = BigInt(Math.min(value, 2 ** 62));
    else tensor.values[i] = value;
  },
  changeArity(model, random) {
    const node = random.pick(model.graph.nodes);
    const change = random.int(3);
    if (change === 0) node.inputs.push(random.pick(['x', '', node.inputs[0] ?? 'x']));
    else if (change === 1) node.inputs.pop();
    else node.outputs.push(`${node.outputs[0]}_extra`);
  },
  reuseName(model, random) {
    const node = random.pick(model.graph.nodes);
    const names = [
      ...model.graph.initializers.map((t) => t.name),
      ...model.graph.inputs.map((i) => i.name),
      ...model.graph.nodes.flatMap((n) => n.outputs),
    ];
    node.outputs[0] = random.pick(names);
  },
  duplicateInitializer(model, random) {
    if (model.graph.initializers.length === 0) return;
    model.graph.initializers.push(structuredClone(random.pick(model.graph.initializers)));
  },
  unknownAttribute(model, random) {
    const node = random.pick(model.graph.nodes);
    const attribute: OnnxAttribute = random.pick([
      { type: 'int', value: 1 },
      { type: 'ints', value: [2 ** 31, -1] },
      { type: 'string', value: 'SAME_UPPER' },
      { type: 'float', value: Number.NaN },
    ]);
    node.attributes[
      random.pick(['axis', 'axes', 'perm', 'auto_pad', 'group', 'kernel_shape', 'bogus', 'to', 'num_outputs'])
    ] = attribute;
  },
  opset(model, random) {
    model.opsetImports[0].version = random.pick([0, -1, 1, 6, 10, 11, 13, 22, 30, 31, 1e6]);
  },
  elementType(model, random) {
    const info = random.pick([...model.graph.inputs, ...model.graph.outputs]);
    info.elemType = random.int(17);
  },
  dropNode(model, random) {
    model.graph.nodes.splice(random.int(model.graph.nodes.length), 1);
  },
};
