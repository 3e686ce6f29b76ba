import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { noGrad } from '@nagare/autograd';
import type { AnyModule } from '@nagare/layers';
import type { Tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSafetensors, saveSafetensors } from '../safetensors/files';
import { pythonForTorchTests, runPython } from '../testing/torch-tests';
import { LAYER_CASES, type PyTorchCase, ZOO_CASES } from './__fixtures__/pytorch-zoo';
import { exportPyTorch } from './export-pytorch';

const CHECK_SCRIPT = fileURLToPath(new URL('./__fixtures__/check_export.py', import.meta.url));
const CASES = [...ZOO_CASES, ...LAYER_CASES];
const python = await pythonForTorchTests(['torch', 'numpy']);

/** The model's outputs in evaluation mode, flattened ([logits, [h, c]] → [logits, h, c]). */
function outputsOf(model: AnyModule, x: Tensor): Tensor[] {
  return [noGrad(() => model.call(x))].flat(3) as Tensor[];
}

/** A model whose BatchNorm statistics moved away from 0 and 1: one forward pass in training mode. */
function preparedModel(make: () => AnyModule, x: Tensor): AnyModule {
  const model = make();
  for (const t of outputsOf(model, x)) t.dispose();
  return model.eval();
}

interface Checked {
  case: string;
  max_abs_difference: number;
}

describe.skipIf(python === null)('every zoo model runs the same in PyTorch (float32, 1e-5)', () => {
  let root = '';
  const results = new Map<string, Checked>();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'nagare-pytorch-'));
    for (const { name, make, input } of CASES) {
      const dir = join(root, name);
      const x = input();
      const model = preparedModel(make, x);
      await mkdir(dir);
      await writeFile(join(dir, 'model.py'), exportPyTorch(model, { title: name }));
      await saveSafetensors(join(dir, 'model.safetensors'), model.stateDict());
      await saveSafetensors(join(dir, 'input.safetensors'), { input: x });
      const outputs = outputsOf(model, x);
      await saveSafetensors(
        join(dir, 'nagare.safetensors'),
        Object.fromEntries(outputs.map((t, i) => [String(i), t])),
      );
      model.dispose();
    }
    const stdout = await runPython(
      python as string,
      [CHECK_SCRIPT, ...CASES.map(({ name }) => join(root, name))],
      {
        timeoutMs: 600_000,
      },
    );
    for (const line of stdout.trim().split('\n')) {
      const checked = JSON.parse(line) as Checked;
      results.set(checked.case, checked);
    }
  }, 900_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  test.each(CASES)('$name: model.py loads nagare weights strictly and matches its outputs', ({ name }) => {
    const checked = results.get(name);
    expect(checked, `${name} was not checked`).toBeDefined();
    expect(checked!.max_abs_difference).toBeLessThanOrEqual(1e-5);
  });

  test.each(CASES)(
    '$name: a PyTorch state dict loads into the nagare model with the same outputs',
    async (entry: PyTorchCase) => {
      const dir = join(root, entry.name);
      const state = await loadSafetensors(join(dir, 'torch_state.safetensors'));
      const expected = await loadSafetensors(join(dir, 'torch_outputs.safetensors'));
      const x = entry.input();
      const model = entry.make().eval();
      model.loadStateDict(state.tensors);
      const outputs = outputsOf(model, x);
      expect(outputs.length).toBe(Object.keys(expected.tensors).length);
      for (const [i, output] of outputs.entries())
        expectAllClose(output, expected.tensors[String(i)], { atol: 1e-5, rtol: 0 });
      model.dispose();
    },
  );
});
