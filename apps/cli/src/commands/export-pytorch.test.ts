import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noGrad } from '@nagare/autograd';
import { saveSafetensors } from '@nagare/io';
import { pythonForTorchTests, runPython } from '@nagare/io/testing';
import { randn } from '@nagare/tensor';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../config/resolve-config';
import { RECIPES } from '../recipes/registry';
import { runInProcess } from '../test-support/run-in-process';
import { exportPyTorchFiles } from './export-pytorch';

const python = await pythonForTorchTests(['torch', 'numpy']);

// Loads DIR/model.py with load_model() (strict=True), runs DIR/input.safetensors and prints the
// largest difference from nagare's output in DIR/nagare.safetensors.
const COMPARE = `
import importlib.util, json, os, sys, torch
directory = sys.argv[1]
spec = importlib.util.spec_from_file_location("exported", os.path.join(directory, "model.py"))
exported = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exported)
model = exported.load_model()
inputs, _ = exported.load_safetensors(os.path.join(directory, "input.safetensors"))
expected, _ = exported.load_safetensors(os.path.join(directory, "nagare.safetensors"))
with torch.no_grad():
    output = model(inputs["input"])
print(json.dumps({"shape": list(output.shape), "difference": (output - expected["output"]).abs().max().item()}))
`;

describe.skipIf(python === null)('every CLI recipe model exports to PyTorch', () => {
  let work = '';
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'nagare-export-pytorch-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test.each(RECIPES.map((recipe) => [recipe.name]))(
    '%s: model.py loads the weights with strict=True and gives the same logits (1e-5)',
    async (name) => {
      const { recipe, config } = await resolveConfig(name, {});
      const model = recipe.build(config).eval();
      const out = join(work, name);
      const lines: string[] = [];
      await exportPyTorchFiles(
        { recipe, config, checkpointPath: 'unused', runDir: null },
        model,
        { out },
        (line) => lines.push(line),
      );
      expect(lines.join('\n')).toMatch(/model\.py, .*model\.safetensors, .*loader\.json/);
      const x = randn([3, ...recipe.input.shape], { seed: 1 });
      await saveSafetensors(join(out, 'input.safetensors'), { input: x });
      await saveSafetensors(join(out, 'nagare.safetensors'), { output: noGrad(() => model.call(x)) });
      const result = JSON.parse(await runPython(python as string, ['-c', COMPARE, out]));
      expect(result.shape).toEqual([3, recipe.classes.length]);
      expect(result.difference).toBeLessThanOrEqual(1e-5);
      model.dispose();
    },
    120_000,
  );
});

test('--with-data belongs to --format pytorch only', async () => {
  const result = await runInProcess([
    'export',
    'runs/none',
    '--format',
    'onnx',
    '--with-data',
    '--out',
    'x.onnx',
  ]);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/--with-data: only --format pytorch writes the data splits/);
});
