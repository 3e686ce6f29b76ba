import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importOnnx, loadSafetensors, readOnnxModel } from '@nagare/io';
import { tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { beforeAll, describe, expect, test } from 'vitest';
import { runInProcess } from '../test-support/run-in-process';
import { makeTempDir } from '../test-support/temp-dir';
import { loadTrainedModel, locateRun } from '../training/load-trained';

const work = makeTempDir('nagare-interop-');
const runDir = join(work, 'run');
const onnxFile = join(work, 'spiral.onnx');

describe('nagare export and nagare import', () => {
  beforeAll(async () => {
    const args = [
      'train',
      'spiral-mlp',
      '--epochs',
      '1',
      '--limit',
      '200',
      '--backend',
      'js',
      '--out',
      runDir,
    ];
    expect((await runInProcess(args)).code).toBe(0);
  }, 120_000);

  test('export --format onnx writes a graph that computes what the trained model computes', async () => {
    const result = await runInProcess([
      'export',
      runDir,
      '--format',
      'onnx',
      '--out',
      onnxFile,
      '--batch-size',
      '3',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^wrote .*spiral\.onnx \(ONNX opset 17, 5 nodes, input \[3, 2\], 4,482 parameters, [\d,]+ bytes\)$/m,
    );
    const onnx = readOnnxModel(readFileSync(onnxFile));
    expect(onnx.metadata['nagare.recipe']).toBe('spiral-mlp');
    const x = tensor([
      [0.1, -0.3],
      [1, 0.5],
      [-0.7, 0.2],
    ]);
    const model = await loadTrainedModel(await locateRun(runDir));
    expectAllClose(importOnnx(readFileSync(onnxFile)).run([x])[0], model.call(x), { rtol: 1e-4, atol: 1e-4 });
  });

  test('export --format safetensors writes the state dict with its parameter names', async () => {
    const out = join(work, 'spiral.safetensors');
    const result = await runInProcess([
      'export',
      join(runDir, 'checkpoints', 'last.safetensors'),
      '--format',
      'safetensors',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    const { tensors, metadata } = await loadSafetensors(out);
    expect(metadata.format).toBe('pt');
    expect(Object.keys(tensors).every((name) => !name.startsWith('nagare:'))).toBe(true);
    expect(Object.keys(tensors).sort()).toEqual([
      '1.bias',
      '1.weight',
      '3.bias',
      '3.weight',
      '5.bias',
      '5.weight',
    ]);
  });

  test('import prints the graph summary and runs the model on a given input', async () => {
    const summary = await runInProcess(['import', onnxFile]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('input: FLOAT [3, 2]');
    expect(summary.stdout).toContain('nodes (5): Gemm ×3, Relu ×2');
    expect(summary.stdout).toContain('Linear');
    const run = await runInProcess(['import', onnxFile, '--input', '0.1,-0.3,1,0.5,-0.7,0.2', '--json']);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.outputs[0]).toMatchObject({ name: 'output', dtype: 'float32', shape: [3, 2] });
    const random = await runInProcess(['import', onnxFile, '--input', 'random']);
    expect(random.stdout).toContain('output = Tensor(float32, [3, 2])');
  });

  test('bad input is one line naming the problem, exit code 2', async () => {
    const wrongCount = await runInProcess(['import', onnxFile, '--input', '1,2,3']);
    expect(wrongCount.code).toBe(2);
    expect(wrongCount.stderr).toContain('needs 6 values, got 3');
    const missing = await runInProcess(['import', join(work, 'nothing.onnx')]);
    expect(missing.stderr).toMatch(/nothing\.onnx: no such file or directory/);
    const corrupt = await runInProcess(['import', join(runDir, 'config.json')]);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toContain('config.json');
    const badFormat = await runInProcess(['export', runDir, '--format', 'pt', '--out', join(work, 'x')]);
    expect(badFormat.code).toBe(2);
    expect(existsSync(join(work, 'x'))).toBe(false);
  });
});
