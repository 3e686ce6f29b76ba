import { noGrad } from '@nagare/autograd';
import type { AnyModule } from '@nagare/layers';
import {
  alexNet,
  CharRNN,
  googLeNet,
  lenet5,
  mlp,
  resnet8,
  selfNormalizingNet,
  vgg,
} from '@nagare/layers/models';
import { memory, randn, type Tensor, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { expectSameOutputs, runOnnxRuntime } from '../__fixtures__/onnxruntime';
import { importOnnx } from '../import/import-onnx';
import { readOnnxModel } from '../read-onnx';
import { exportOnnx } from './export-onnx';

interface ZooCase {
  name: string;
  make: () => AnyModule;
  input: () => Tensor;
  /** A plain chain of layers, which importOnnx gives back as a Sequential. */
  isChain: boolean;
}

const image = (channels: number, size: number) => () => randn([1, channels, size, size], { seed: 1 });

const ZOO: ZooCase[] = [
  {
    name: 'mlp',
    make: () => mlp([20, 16, 8, 5], 'relu', { seed: 0 }),
    input: () => randn([2, 20], { seed: 1 }),
    isChain: true,
  },
  { name: 'lenet5', make: () => lenet5({ seed: 0 }), input: image(1, 28), isChain: true },
  { name: 'alexNet', make: () => alexNet({ seed: 0 }), input: image(3, 32), isChain: true },
  {
    name: 'vgg with BatchNorm',
    make: () => vgg({ batchNorm: true, seed: 0 }),
    input: image(3, 32),
    isChain: true,
  },
  { name: 'resnet8', make: () => resnet8({ seed: 0 }), input: image(3, 32), isChain: false },
  { name: 'googLeNet', make: () => googLeNet({ seed: 0 }), input: image(3, 32), isChain: false },
  {
    name: 'selfNormalizingNet',
    make: () => selfNormalizingNet([20, 16, 16, 5], { seed: 0 }),
    input: () => randn([2, 20], { seed: 1 }),
    isChain: false,
  },
  {
    name: 'CharRNN (LSTM language model)',
    make: () => new CharRNN(11, { embeddingDim: 4, hiddenSize: 8, seed: 0 }),
    input: () =>
      tensor(
        [
          [1, 5, 9, 2],
          [3, 3, 0, 10],
        ],
        { dtype: 'int32' },
      ),
    isChain: false,
  },
];

/** The model's own outputs in evaluation mode, flattened as exportOnnx flattens them. */
function reference(model: AnyModule, x: Tensor): Tensor[] {
  model.eval();
  const result = noGrad(() => model.call(x));
  return [result].flat(2) as Tensor[];
}

describe('every model of the zoo exports to ONNX opset 17', () => {
  test.each(ZOO)(
    '$name runs the same in onnxruntime and in importOnnx (1e-4)',
    async ({ make, input, isChain }) => {
      const model = make();
      const x = input();
      const bytes = exportOnnx(model, x, { opset: 17 });
      const expected = reference(model, x);
      const onnx = readOnnxModel(bytes);
      expect(onnx.opsetImports).toEqual([{ domain: '', version: 17 }]);
      expect(onnx.graph.initializers.map((t) => t.name)).toEqual(
        expect.arrayContaining(model.namedParameters().map(([name]) => name)),
      );
      expectSameOutputs(await runOnnxRuntime(bytes, { input: x }), expected);
      const imported = importOnnx(bytes);
      expectSameOutputs(imported.run([x]), expected);
      expect(imported.module !== null).toBe(isChain);
      if (imported.module) expectSameOutputs([imported.module.call(x)], expected);
      imported.dispose();
      model.dispose();
    },
  );
});

describe('a chain of layers comes back as layers with the same parameter names', () => {
  const withDropout = () => mlp([20, 16, 8, 5], 'relu', { dropout: 0.3, seed: 0 });
  test.each([
    ['mlp', ZOO[0].make, ZOO[0].input],
    ['lenet5 (named layers)', ZOO[1].make, ZOO[1].input],
    ['mlp with dropout (positions 0, 3, 6)', withDropout, ZOO[0].input],
  ])('%s: the imported Sequential has the original state dict', (_, make, input) => {
    const model = make();
    const x = input();
    const imported = importOnnx(exportOnnx(model, x));
    const original = model.stateDict();
    const restored = imported.module!.stateDict();
    expect(Object.keys(restored)).toEqual(Object.keys(original));
    for (const [name, t] of Object.entries(original)) expectSameOutputs([restored[name]], [t]);
    expectSameOutputs([imported.module!.call(x)], reference(model, x));
  });
});

test('exporting leaves no tensor behind and restores training mode and the layers', () => {
  const model = vgg({ batchNorm: true, seed: 0 });
  const x = randn([1, 3, 32, 32], { seed: 1 });
  const before = memory().tensors;
  exportOnnx(model, x);
  expect(memory().tensors).toBe(before);
  expect(model.training).toBe(true);
  expect(model.modules().every((m) => !Object.hasOwn(m, 'call'))).toBe(true);
});
