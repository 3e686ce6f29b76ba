import type { Backend, DataId, KernelTensor } from '../../backend';
import { UnsupportedOpError } from '../../errors/unsupported-op-error';
import type { OpAttrs, OpName } from '../../op-attrs';
import { allocArray, bytesPerElement, type DType, type TypedArray } from '../../types';
import { type JsTensor, jsKernels } from './kernels';

interface JsData extends DataId {
  values: TypedArray;
}

/**
 * Creates the pure-TypeScript reference backend: readable kernels over typed arrays, float32 and
 * float64 (and int32/bool where an op takes them). It is the default backend.
 *
 * @example
 * useBackend(createJsBackend());
 */
export function createJsBackend(): Backend {
  let bytes = 0;
  let highWater = 0;
  const view = (t: KernelTensor): JsTensor => ({
    shape: t.shape,
    dtype: t.dtype,
    data: (t.dataId as JsData).values,
  });
  return {
    name: 'js',
    allocate(dtype: DType, size: number): DataId {
      bytes += size * bytesPerElement(dtype);
      highWater = Math.max(highWater, bytes);
      return { values: allocArray(dtype, size) } satisfies JsData;
    },
    write(dataId, values) {
      (dataId as JsData).values.set(values);
    },
    read(dataId) {
      return (dataId as JsData).values.slice();
    },
    release(dataId, dtype, size) {
      bytes -= size * bytesPerElement(dtype);
      (dataId as JsData).values = allocArray(dtype, 0);
    },
    runKernel<K extends OpName>(
      op: K,
      inputs: readonly KernelTensor[],
      attrs: OpAttrs[K],
      outputs: readonly KernelTensor[],
    ) {
      const kernel = jsKernels[op] as (i: JsTensor[], a: OpAttrs[K], o: JsTensor[]) => void;
      if (!kernel) throw new UnsupportedOpError(op, inputs[0]?.dtype ?? outputs[0].dtype, 'js');
      kernel(inputs.map(view), attrs, outputs.map(view));
    },
    supports(op) {
      return op in jsKernels;
    },
    memory() {
      return { bytes, highWater };
    },
  };
}
