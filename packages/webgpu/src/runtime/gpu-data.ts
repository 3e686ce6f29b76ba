import type { DataId } from '@nagare/tensor';

/**
 * A tensor's buffer on the GPU. Every dtype takes 4 bytes per element: float32 as `f32`, int32 as
 * `i32`, bool as `u32` holding 0 or 1 (WGSL storage has no 8-bit type). The buffer may be larger
 * than the tensor (its pool size class); kernels read only the elements they are told about.
 */
export class GpuData implements DataId {
  constructor(
    public buffer: GPUBuffer,
    /** Elements of the tensor (not the buffer's capacity). */
    readonly size: number,
  ) {}
}
