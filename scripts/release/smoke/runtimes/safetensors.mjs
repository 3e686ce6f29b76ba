// Runtime matrix: saves a model's weights as a safetensors file, loads them into a differently
// initialised model through the file system, and checks both models now compute the same outputs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSafetensors, saveSafetensors } from '@nagare/io';
import { Linear, ReLU, Sequential } from '@nagare/layers';
import { randn } from '@nagare/tensor';

const build = (seed) =>
  new Sequential(new Linear(3, 5, { seed }), new ReLU(), new Linear(5, 2, { seed: seed + 1 }));
const saved = build(1);
const loaded = build(7);
const x = randn([4, 3], { seed: 9 });
assert.notDeepEqual(loaded.call(x).toArray(), saved.call(x).toArray());

const dir = mkdtempSync(join(tmpdir(), 'nagare-runtime-safetensors-'));
try {
  const file = join(dir, 'model.safetensors');
  await saveSafetensors(file, saved.stateDict(), { runtime: 'matrix' });
  const { tensors, metadata } = await loadSafetensors(file);
  assert.equal(metadata.runtime, 'matrix');
  loaded.loadStateDict(tensors);
  assert.deepEqual(loaded.call(x).toArray(), saved.call(x).toArray());
  console.log(
    `safetensors: ${Object.keys(tensors).length} tensors, ${statSync(file).size} bytes, round trip exact`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
