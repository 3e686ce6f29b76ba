// Test-only: lets the shared op suite's float64 cases run on webgpu at float32 precision. The real
// backend refuses float64; this wrapper stores float64 tensors as float32 on the GPU and widens
// them on read, so each float64 case checks the same kernel path with float32 tolerances.
import type { Backend, DType, KernelTensor } from '@nagare/tensor';

const asFloat32 = (dtype: DType): DType => (dtype === 'float64' ? 'float32' : dtype);

function narrow(t: KernelTensor): KernelTensor {
  return t.dtype === 'float64' ? { dataId: t.dataId, shape: t.shape, size: t.size, dtype: 'float32' } : t;
}

/** `inner` (the webgpu backend) with float64 tensors held as float32. */
export function float64AsFloat32(inner: Backend): Backend {
  const readAsync = inner.readAsync?.bind(inner);
  if (!readAsync) throw new Error('float64AsFloat32 wraps a backend with readAsync');
  return {
    name: inner.name,
    readsAsyncOnly: true,
    allocate: (dtype, size) => inner.allocate(asFloat32(dtype), size),
    write: (dataId, values) =>
      inner.write(dataId, values instanceof Float64Array ? Float32Array.from(values) : values),
    read: (dataId, dtype, size) => inner.read(dataId, asFloat32(dtype), size),
    readAsync: async (dataId, dtype, size) => {
      const values = await readAsync(dataId, asFloat32(dtype), size);
      return dtype === 'float64' ? Float64Array.from(values) : values;
    },
    release: (dataId, dtype, size) => inner.release(dataId, asFloat32(dtype), size),
    runKernel: (op, inputs, attrs, outputs) => {
      const castAttrs =
        op === 'cast' ? { ...attrs, dtype: asFloat32((attrs as { dtype: DType }).dtype) } : attrs;
      inner.runKernel(op, inputs.map(narrow), castAttrs as typeof attrs, outputs.map(narrow));
    },
    supports: (op, dtype) => inner.supports(op, asFloat32(dtype)),
    memory: () => inner.memory(),
  };
}
