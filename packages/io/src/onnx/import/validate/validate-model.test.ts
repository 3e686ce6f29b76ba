import { describe, expect, test } from 'vitest';
import { OnnxFormatError } from '../../../errors/onnx-format-error';
import { f32, info, int, model, node } from '../../__fixtures__/graph';
import { OnnxDataType, type OnnxModel } from '../../onnx-types';
import { importOnnx } from '../import-onnx';
import { ONNX_OPERATORS } from '../ops/index';
import { OPERATOR_SCHEMAS } from './operator-schemas';

const relu = (inputs: string[], outputs = ['y']) =>
  model({ nodes: [node('Relu', inputs, outputs)], inputs: [info('x', [2])], outputs: [info('y', [2])] });

/** The OnnxFormatError importOnnx throws for `graph`. */
function formatError(graph: OnnxModel): OnnxFormatError {
  try {
    importOnnx(graph, { source: 'm.onnx' }).dispose();
  } catch (error) {
    if (error instanceof OnnxFormatError) return error;
    throw error;
  }
  throw new Error('importOnnx accepted the graph');
}

describe('importOnnx validates the graph before anything runs', () => {
  test('every built-in operator has a schema', () => {
    expect(Object.keys(ONNX_OPERATORS).filter((key) => !OPERATOR_SCHEMAS.has(key))).toEqual([]);
  });

  test('a node with the wrong number of inputs or outputs names the node', () => {
    const error = formatError(relu(['x', 'x', 'x']));
    expect(error.code).toBe('ONNX_FORMAT');
    expect(error.node).toEqual({ name: 'Relu_y', opType: 'Relu' });
    expect(error.message).toBe('m.onnx: node "Relu_y" (Relu) has 3 inputs, the operator takes 1');
    expect(formatError(relu(['x'], ['y', 'z'])).message).toMatch(/has 2 outputs, the operator takes 1/);
    const noInputs = model({ nodes: [node('Add', ['x'], ['y'])], inputs: [info('x')], outputs: [info('y')] });
    expect(formatError(noInputs).message).toMatch(/\(Add\) has 1 input, the operator takes 2/);
  });

  test('an attribute the operator does not define is refused', () => {
    const graph = model({
      nodes: [node('Softmax', ['x'], ['y'], { axis: int(1), axsi: int(0) })],
      inputs: [info('x', [1, 2])],
      outputs: [info('y', [1, 2])],
    });
    const error = formatError(graph);
    expect(error.node?.opType).toBe('Softmax');
    expect(error.message).toMatch(/has unknown attribute "axsi" \(known: axis\)/);
  });

  test('a node output that reuses an initializer or input name is refused, not shadowed', () => {
    const shadow = model({
      nodes: [node('Relu', ['x'], ['w']), node('Add', ['w', 'x'], ['y'])],
      inputs: [info('x', [2])],
      outputs: [info('y', [2])],
      initializers: [f32('w', [2], [5, 6])],
    });
    const error = formatError(shadow);
    expect(error.node).toEqual({ name: 'Relu_w', opType: 'Relu' });
    expect(error.message).toMatch(/output "w" reuses the name of an initializer/);
    expect(formatError(relu(['x'], ['x'])).message).toMatch(/output "x" reuses the name of a graph input/);
  });

  test('duplicate output, initializer and input names are refused', () => {
    const twice = model({
      nodes: [node('Relu', ['x'], ['y']), node('Neg', ['x'], ['y'])],
      inputs: [info('x', [2])],
      outputs: [info('y', [2])],
    });
    expect(formatError(twice).message).toMatch(
      /node "Neg_y" \(Neg\) output "y" reuses the name of the output of node "Relu_y"/,
    );
    const initializers = relu(['x']);
    initializers.graph.initializers = [f32('w', [1], [1]), f32('w', [1], [2])];
    expect(formatError(initializers).message).toMatch(/initializer name "w" is used twice/);
    const inputs = relu(['x']);
    inputs.graph.inputs = [info('x', [2]), info('x', [2])];
    expect(formatError(inputs).message).toMatch(/graph input name "x" is used twice/);
  });

  test('opsets outside the supported range are refused', () => {
    for (const version of [0, -3, 31, 1e9]) {
      const graph = relu(['x']);
      graph.opsetImports = [{ domain: '', version }];
      expect(formatError(graph).message).toMatch(
        new RegExp(`opset ${version} of domain ai.onnx is outside the supported range 1 to 30`),
      );
    }
    const repeated = relu(['x']);
    repeated.opsetImports = [
      { domain: '', version: 17 },
      { domain: 'ai.onnx', version: 13 },
    ];
    expect(formatError(repeated).message).toMatch(/imported twice/);
  });

  test('STRING and FLOAT16 inputs and outputs are refused instead of running as float32', () => {
    for (const type of [OnnxDataType.STRING, OnnxDataType.FLOAT16, OnnxDataType.BFLOAT16]) {
      const input = relu(['x']);
      input.graph.inputs = [info('x', [2], type)];
      expect(formatError(input).message).toMatch(
        /graph input "x" has element type (STRING|FLOAT16|BFLOAT16)/,
      );
      const output = relu(['x']);
      output.graph.outputs = [info('y', [2], type)];
      expect(formatError(output).message).toMatch(/graph output "y" has element type/);
    }
  });

  test('a negative declared dimension is refused', () => {
    const graph = relu(['x']);
    graph.graph.inputs = [info('x', [-4])];
    expect(formatError(graph).message).toMatch(/graph input "x" has an invalid dimension -4/);
  });

  test('a valid graph still imports and runs', () => {
    const imported = importOnnx(relu(['x']));
    expect(imported.inputs.map((i) => i.name)).toEqual(['x']);
    imported.dispose();
  });
});
