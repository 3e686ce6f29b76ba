import type { Backend } from '../backend';
import type { OpName } from '../op-attrs';

/**
 * Wraps `inner` (a backend that reads synchronously, such as js or wasm) so that `op`'s kernel
 * writes a wrong result: every float element of its first output becomes 1.1·v + 0.01. Suites use
 * it to prove they can fail: a suite that still passes on this backend checks nothing about `op`.
 * Wrap the result with `asyncOnlyBackend` to test the async path too.
 *
 * @example
 * const report = await runGradchecks(corruptKernel(createJsBackend(), 'exp'));
 * report.failed; // ≥ 1
 */
export function corruptKernel(inner: Backend, op: OpName): Backend {
  return {
    ...inner,
    name: `${inner.name} (corrupt ${op})`,
    allocate: (dtype, size, op) => inner.allocate(dtype, size, op),
    write: (dataId, values) => inner.write(dataId, values),
    read: (dataId, dtype, size) => inner.read(dataId, dtype, size),
    release: (dataId, dtype, size) => inner.release(dataId, dtype, size),
    supports: (name, dtype) => inner.supports(name, dtype),
    memory: () => inner.memory(),
    destroy: () => inner.destroy?.(),
    runKernel: (name, inputs, attrs, outputs) => {
      inner.runKernel(name, inputs, attrs, outputs);
      const output = outputs[0];
      if (name !== op || !output || (output.dtype !== 'float32' && output.dtype !== 'float64')) return;
      const values = inner.read(output.dataId, output.dtype, output.size);
      for (let i = 0; i < values.length; i++) values[i] = 1.1 * values[i] + 0.01;
      inner.write(output.dataId, values);
    },
  };
}
