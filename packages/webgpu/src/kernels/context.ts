import type { DType, KernelTensor, OpAttrs, OpName } from '@nagare/tensor';
import { GpuData } from '../runtime/gpu-data';
import type { GpuRuntime } from '../runtime/gpu-runtime';

/** What a kernel gets besides its tensors: the runtime that records dispatches. */
export type KernelContext = GpuRuntime;

/**
 * One op's WebGPU kernel. `supports` is asked with the dtype of the first input (float64 never
 * reaches it: the backend refuses it first); `run` records dispatches that write every element of
 * every output. Kernels never allocate tensors and never throw on values.
 */
export interface WebGPUKernel<K extends OpName> {
  supports(dtype: DType): boolean;
  run(
    context: KernelContext,
    inputs: readonly KernelTensor[],
    attrs: OpAttrs[K],
    outputs: readonly KernelTensor[],
  ): void;
}

/** The GPU buffer behind a kernel tensor. */
export function bufferOf(t: KernelTensor): GPUBuffer {
  return (t.dataId as GpuData).buffer;
}

/** True for float32, int32 and bool: every dtype the GPU stores. */
export const ANY_GPU_DTYPE = (dtype: DType): boolean => dtype !== 'float64';

/** True for the numeric dtypes (float32, int32). */
export const NUMERIC_DTYPE = (dtype: DType): boolean => dtype === 'float32' || dtype === 'int32';

export { GpuData };
