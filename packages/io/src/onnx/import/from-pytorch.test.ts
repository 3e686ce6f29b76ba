import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyModule } from '@nagare/layers';
import { CharRNN, googLeNet, lenet5, mlp, resnet8, selfNormalizingNet, vgg } from '@nagare/layers/models';
import { randn, type Tensor, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pythonForTorchTests, runPython } from '../../testing/torch-tests';
import { exportOnnx } from '../export/export-onnx';
import { importOnnx } from './import-onnx';

// The ONNX files are generated at test time by torch.onnx.export (PyTorch 1.13, Debian's
// python3-torch) from the models defined in __fixtures__/torch_onnx.py; nothing generated is committed.
const SCRIPT = fileURLToPath(new URL('../__fixtures__/torch_onnx.py', import.meta.url));
const MODELS = ['mlp', 'cnn-batchnorm', 'lstm', 'resnet-block'];
const OPSETS = [13, 17];
// nagare exports opsets 17 to 22; Debian's onnx 1.12 checks up to opset 17.
const CHECKED_OPSET = 17;
const python = await pythonForTorchTests(['torch', 'onnx']);

interface TorchCase {
  input: number[];
  inputShape: number[];
  output: number[];
  outputShape: number[];
}

describe.skipIf(python === null)('ONNX from PyTorch imports into nagare', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nagare-torch-onnx-'));
    await runPython(python as string, [SCRIPT, 'export', dir]);
  }, 300_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const cases = MODELS.flatMap((model) => OPSETS.map((opset) => ({ model, opset })));
  test.each(cases)("$model at opset $opset gives PyTorch's outputs (1e-4)", async ({ model, opset }) => {
    const expected = JSON.parse(await readFile(join(dir, `${model}.json`), 'utf8')) as TorchCase;
    const imported = importOnnx(await readFile(join(dir, `${model}-opset${opset}.onnx`)));
    const [y] = imported.run([tensor(expected.input, { shape: expected.inputShape })]);
    expect(y.shape).toEqual(expected.outputShape);
    expectAllClose(y, tensor(expected.output, { shape: expected.outputShape }), { atol: 1e-4, rtol: 1e-4 });
    imported.dispose();
  });
});

const image = (channels: number) => randn([1, channels, 32, 32], { seed: 1 });
const NAGARE_EXPORTS: { name: string; make: () => AnyModule; input: () => Tensor }[] = [
  {
    name: 'mlp',
    make: () => mlp([20, 16, 5], 'relu', { batchNorm: true, seed: 0 }),
    input: () => randn([2, 20]),
  },
  { name: 'lenet5', make: () => lenet5({ seed: 0 }), input: () => randn([1, 1, 28, 28]) },
  { name: 'vgg-batchnorm', make: () => vgg({ batchNorm: true, seed: 0 }), input: () => image(3) },
  { name: 'resnet8', make: () => resnet8({ seed: 0 }), input: () => image(3) },
  { name: 'googlenet', make: () => googLeNet({ seed: 0 }), input: () => image(3) },
  {
    name: 'self-normalizing',
    make: () => selfNormalizingNet([20, 16, 5], { seed: 0 }),
    input: () => randn([2, 20]),
  },
  {
    name: 'charrnn',
    make: () => new CharRNN(11, { embeddingDim: 4, hiddenSize: 8, seed: 0 }),
    input: () => tensor([[1, 5, 9, 2]], { dtype: 'int32' }),
  },
];

describe.skipIf(python === null)("nagare's own ONNX exports pass onnx.checker with full_check", () => {
  const files = NAGARE_EXPORTS.map(({ name }) => `${name}-opset${CHECKED_OPSET}.onnx`);
  const errors = new Map<string, string | null>();
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nagare-onnx-check-'));
    for (const { name, make, input } of NAGARE_EXPORTS) {
      const model = make().eval();
      const bytes = exportOnnx(model, input(), { opset: CHECKED_OPSET });
      await writeFile(join(dir, `${name}-opset${CHECKED_OPSET}.onnx`), bytes);
      model.dispose();
    }
    const stdout = await runPython(python as string, [
      SCRIPT,
      'check',
      ...files.map((file) => join(dir, file)),
    ]);
    for (const line of stdout.trim().split('\n')) {
      const { file, error } = JSON.parse(line);
      errors.set(file, error);
    }
  }, 300_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test.each(files)('%s', (file) => {
    expect(errors.has(file), `${file} was not checked`).toBe(true);
    expect(errors.get(file)).toBeNull();
  });
});
