import { randn, type Tensor, transpose } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { f32, float, i64, info, int, ints, model, node } from '../__fixtures__/graph';
import { expectSameOutputs } from '../__fixtures__/onnxruntime';
import { importOnnx } from './import-onnx';

const seeded = (name: string, dims: number[], seed: number) =>
  f32(name, dims, Array.from(randn(dims, { seed }).dataSync()));

/** What PyTorch's exporter writes for Conv → BatchNorm → ReLU → MaxPool → Flatten → Linear → LogSoftmax. */
const torchCnn = model(
  {
    nodes: [
      node('Conv', ['input', 'conv.weight', 'conv.bias'], ['a'], {
        kernel_shape: ints([3, 3]),
        pads: ints([1, 1, 1, 1]),
        strides: ints([1, 1]),
      }),
      node('BatchNormalization', ['a', 'bn.weight', 'bn.bias', 'bn.running_mean', 'bn.running_var'], ['b'], {
        epsilon: float(1e-5),
        momentum: float(0.9),
      }),
      node('Relu', ['b'], ['c']),
      node('MaxPool', ['c'], ['d'], { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }),
      node('Flatten', ['d'], ['e'], { axis: int(1) }),
      node('Gemm', ['e', 'fc.weight', 'fc.bias'], ['f'], { transB: int(1) }),
      node('LogSoftmax', ['f'], ['output'], { axis: int(1) }),
    ],
    inputs: [info('input', [2, 1, 6, 6])],
    outputs: [info('output', [2, 3])],
    initializers: [
      seeded('conv.weight', [4, 1, 3, 3], 1),
      seeded('conv.bias', [4], 2),
      seeded('bn.weight', [4], 3),
      seeded('bn.bias', [4], 4),
      seeded('bn.running_mean', [4], 5),
      f32('bn.running_var', [4], [0.5, 1, 2, 3]),
      seeded('fc.weight', [3, 36], 6),
      seeded('fc.bias', [3], 7),
    ],
  },
  13,
);

const layerTypes = (imported: ReturnType<typeof importOnnx>) =>
  imported.module?.namedChildren().map(([name, m]) => `${name}:${m.constructor.name}`);

describe('a graph that is a chain of known layers comes back as a Sequential', () => {
  test("PyTorch's CNN export becomes Conv2d, BatchNorm2d, ReLU, MaxPool2d, Flatten, Linear, LogSoftmax", () => {
    const imported = importOnnx(torchCnn);
    expect(layerTypes(imported)).toEqual([
      'conv:Conv2d',
      'bn:BatchNorm2d',
      'relu2:ReLU',
      'maxpool3:MaxPool2d',
      'flatten4:Flatten',
      'fc:Linear',
      'logsoftmax6:LogSoftmax',
    ]);
    const state = imported.module!.stateDict();
    expect(Object.keys(state)).toEqual(expect.arrayContaining(['conv.weight', 'bn.running_var', 'fc.bias']));
    const x = randn([2, 1, 6, 6], { seed: 9 });
    expectSameOutputs([imported.module!.call(x)], imported.run([x]));
    expect(imported.module!.training).toBe(false);
  });

  test('MatMul + Add and Gemm without transB become Linear layers with transposed weights', () => {
    const w = seeded('w', [4, 3], 1);
    const imported = importOnnx(
      model({
        nodes: [
          node('MatMul', ['x', 'w'], ['a']),
          node('Add', ['b', 'a'], ['c']),
          node('Tanh', ['c'], ['d']),
          node('Gemm', ['d', 'v'], ['y']),
        ],
        inputs: [info('x', [5, 4])],
        outputs: [info('y', [5, 2])],
        initializers: [w, seeded('b', [3], 2), seeded('v', [3, 2], 3)],
      }),
    );
    expect(layerTypes(imported)).toEqual(['0:Linear', '1:Tanh', '2:Linear']);
    const [first] = imported.module!.children() as unknown as { weight: Tensor }[];
    expectSameOutputs([first.weight], [transpose(randn([4, 3], { seed: 1 }), [1, 0])]);
    const x = randn([5, 4], { seed: 4 });
    expectSameOutputs([imported.module!.call(x)], imported.run([x]));
  });

  test('is null for graphs that are not one chain, or whose layers would compute something else', () => {
    const relu = (input: string, output: string) => node('Relu', [input], [output]);
    const cases = [
      // residual: x feeds two nodes
      model({
        nodes: [relu('x', 'a'), node('Add', ['x', 'a'], ['y'])],
        inputs: [info('x', [1, 2])],
        outputs: [info('y', [1, 2])],
      }),
      // a feature dim is symbolic
      model({ nodes: [relu('x', 'y')], inputs: [info('x', [1, 'n'])], outputs: [info('y', [1, 'n'])] }),
      // Softmax before opset 13 normalizes a 2-D coercion, not one axis
      model(
        {
          nodes: [node('Softmax', ['x'], ['y'])],
          inputs: [info('x', [1, 2, 3])],
          outputs: [info('y', [1, 2, 3])],
        },
        11,
      ),
      // a Reshape that is not a flatten: caught by comparing the layers with the graph
      model({
        nodes: [node('Reshape', ['x', 'shape'], ['y'])],
        inputs: [info('x', [2, 3, 2])],
        outputs: [info('y', [6, 2])],
        initializers: [i64('shape', [2], [6, 2])],
      }),
    ];
    for (const graph of cases) expect(importOnnx(graph).module).toBeNull();
  });
});
