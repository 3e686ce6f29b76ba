import type { Backend } from '../backend';

/**
 * Wraps `inner` so that it reads only asynchronously, as WebGPU does: `readsAsyncOnly` is true,
 * so `dataSync`, `toArray` and `item` throw `SyncReadError`, and `readAsync` resolves in a later
 * task. Tests run code meant for every backend (training loops, metrics, the op suite) on it to
 * prove that code never reads synchronously — without a GPU.
 *
 * @example
 * useBackend(asyncOnlyBackend(createJsBackend()));
 * await fit(model, data, options); // fails if anything inside calls dataSync()
 */
export function asyncOnlyBackend(inner: Backend): Backend {
  return {
    name: `${inner.name} (async reads)`,
    readsAsyncOnly: true,
    allocate: (dtype, size, op) => inner.allocate(dtype, size, op),
    write: (dataId, values) => inner.write(dataId, values),
    read: (dataId, dtype, size) => inner.read(dataId, dtype, size),
    readAsync: (dataId, dtype, size) => {
      // Copy now (the caller may dispose the tensor right away), resolve later, like a mapped buffer.
      const values = inner.read(dataId, dtype, size);
      return new Promise((resolve) => setTimeout(() => resolve(values), 0));
    },
    release: (dataId, dtype, size) => inner.release(dataId, dtype, size),
    runKernel: (op, inputs, attrs, outputs) => inner.runKernel(op, inputs, attrs, outputs),
    supports: (op, dtype) => inner.supports(op, dtype),
    memory: () => inner.memory(),
    destroy: () => inner.destroy?.(),
  };
}
