// The runtime matrix's Chromium row, bundled by Vite from the Node 20 row's project (every packed
// package installed with npm) and loaded cross-origin isolated: ESM imports of every entry point,
// training on js and on wasm with 1 and 2 threads (train-core.mjs, shared with Node, Bun and Deno)
// and a safetensors round trip in memory (a page has no file system). The cells go to
// window.__nagareRuntimeMatrix.
import { parseSafetensors, serializeSafetensors } from '@nagare/io';
import { Linear, ReLU, Sequential } from '@nagare/layers';
import { randn } from '@nagare/tensor';
import { trainOnJs, trainOnWasm } from '../train-core.mjs';
import { entryPoints } from './entry-points.js';

async function importEveryEntryPoint() {
  let exported = 0;
  for (const [specifier, load] of Object.entries(entryPoints)) {
    const names = Object.keys(await load()).filter((name) => name !== 'default');
    if (names.length === 0) throw new Error(`import('${specifier}') exports nothing`);
    exported += names.length;
  }
  return `import: ${Object.keys(entryPoints).length} entry points, ${exported} exports`;
}

function safetensorsRoundTrip() {
  const build = (seed) =>
    new Sequential(new Linear(3, 5, { seed }), new ReLU(), new Linear(5, 2, { seed: seed + 1 }));
  const saved = build(1);
  const loaded = build(7);
  const x = randn([4, 3], { seed: 9 });
  const bytes = serializeSafetensors(saved.stateDict(), { runtime: 'matrix' });
  const { tensors, metadata } = parseSafetensors(bytes);
  if (metadata.runtime !== 'matrix') throw new Error(`metadata came back as ${JSON.stringify(metadata)}`);
  loaded.loadStateDict(tensors);
  const [expected, actual] = [saved, loaded].map((model) => JSON.stringify(model.call(x).toArray()));
  if (expected !== actual) throw new Error(`the loaded model computes ${actual}, not ${expected}`);
  return `safetensors: ${Object.keys(tensors).length} tensors, ${bytes.length} bytes in memory, round trip exact`;
}

async function cell(body) {
  try {
    return { status: 'pass', note: await body() };
  } catch (error) {
    return { status: 'fail', error: String(error?.message ?? error), output: String(error?.stack ?? error) };
  }
}

const cells = {
  esm: await cell(importEveryEntryPoint),
  js: await cell(trainOnJs),
  wasm1: await cell(() => trainOnWasm(1)),
  wasm2: await cell(() => {
    if (!crossOriginIsolated) throw new Error('the page is not cross-origin isolated');
    return trainOnWasm(2);
  }),
  safetensors: await cell(safetensorsRoundTrip),
};
window.__nagareRuntimeMatrix = cells;
document.getElementById('result').textContent = JSON.stringify(cells, null, 2);
