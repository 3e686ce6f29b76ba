// Node smoke program for @nagare/wasm installed from its tarball: the SIMD kernels load, agree with
// the js backend, and the worker-thread pool starts.
import assert from 'node:assert/strict';
import { createJsBackend, getBackend, matmul, randn, relu, sum, useBackend } from '@nagare/tensor';
import { createWasmBackend } from '@nagare/wasm';

function compute() {
  const a = randn([33, 70], { seed: 1 });
  const b = randn([70, 21], { seed: 2 });
  const y = sum(relu(matmul(a, b)), 1);
  const values = y.toArray();
  for (const t of [a, b, y]) t.dispose();
  return values;
}

useBackend(createJsBackend());
const reference = compute();
for (const threads of [1, 2]) {
  const backend = await createWasmBackend({ threads });
  useBackend(backend);
  assert.equal(getBackend().name, 'wasm');
  const values = compute();
  for (const [i, v] of values.entries()) {
    assert.ok(Math.abs(v - reference[i]) <= 1e-4 * (1 + Math.abs(reference[i])), `row ${i}`);
  }
  console.log(
    `wasm (node, ${backend.simd}, ${backend.threads} thread(s)): matches js on ${values.length} rows`,
  );
  useBackend(createJsBackend());
  backend.destroy?.();
}
