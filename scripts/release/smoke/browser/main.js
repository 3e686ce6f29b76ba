// Browser smoke page, bundled by Vite from the installed tarballs of @nagare/tensor and @nagare/wasm:
// the SIMD kernels instantiate in the page and agree with the js backend, on one thread and (when the
// page is cross-origin isolated) on two worker threads. The result goes to window.__nagareSmoke.
import { createJsBackend, matmul, randn, relu, sum, useBackend } from '@nagare/tensor';
import { createWasmBackend } from '@nagare/wasm';

function compute() {
  const a = randn([33, 70], { seed: 1 });
  const b = randn([70, 21], { seed: 2 });
  const y = sum(relu(matmul(a, b)), 1);
  const values = y.toArray();
  for (const t of [a, b, y]) t.dispose();
  return values;
}

async function main() {
  useBackend(createJsBackend());
  const reference = compute();
  const runs = [];
  for (const threads of crossOriginIsolated ? [1, 2] : [1]) {
    const backend = await createWasmBackend({ threads });
    useBackend(backend);
    const values = compute();
    const worst = Math.max(
      ...values.map((v, i) => Math.abs(v - reference[i]) / (1 + Math.abs(reference[i]))),
    );
    runs.push({ threads: backend.threads, simd: backend.simd, rows: values.length, worst });
    useBackend(createJsBackend());
    backend.destroy?.();
  }
  return { ok: runs.every((run) => run.worst <= 1e-4), crossOriginIsolated, runs };
}

main()
  .catch((error) => ({ ok: false, error: String(error?.stack ?? error) }))
  .then((result) => {
    window.__nagareSmoke = result;
    document.getElementById('result').textContent = JSON.stringify(result, null, 2);
  });
