import { BackendError } from '@nagare/tensor';
import { BufferPool } from './buffer-pool';
import { PARAMS_WORDS, type Params } from './params';

/** Threads per workgroup of every one-thread-per-element kernel (`@workgroup_size(64)`). */
export const WORKGROUP_SIZE = 64;

/** Dispatches recorded before the pending command buffer is submitted even without a read. */
const DISPATCHES_PER_SUBMIT = 64;

/** One compute dispatch: a shader, its storage buffers (bindings 1…n) and its parameters (binding 0). */
export interface Dispatch {
  /** WGSL source with an entry point `main`; pipelines are cached by source. */
  source: string;
  buffers: readonly GPUBuffer[];
  params: Params;
  /**
   * Workgroups to run: a count (folded into 2-D past `maxComputeWorkgroupsPerDimension`, so the
   * shader computes its linear id from `workgroup_id` and `num_workgroups`), or an explicit
   * `[x, y, z]` grid for tiled kernels (each at most `maxComputeWorkgroupsPerDimension`).
   */
  workgroups: number | readonly [number, number, number];
}

/**
 * The device-side machinery kernels use: cached pipelines, parameter buffers, one command encoder
 * that collects dispatches until a read, a write or every 64 dispatches submits it, and reads
 * through mapped staging buffers.
 */
export class GpuRuntime {
  readonly pool: BufferPool;
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  private encoder: GPUCommandEncoder | null = null;
  private pendingDispatches = 0;
  /** Buffers the pending command buffer uses that are destroyed once it is submitted. */
  private transient: GPUBuffer[] = [];
  /**
   * One uniform buffer holds the parameters of every dispatch of the pending command buffer, one
   * 256-byte slot each. It stays mapped while dispatches are recorded (written through the
   * mapping: a queue write would land before commands recorded earlier) and is unmapped at submit.
   */
  private arena: { buffer: GPUBuffer; words: Uint32Array } | null = null;
  private readonly slotBytes: number;
  private readonly errors: string[] = [];

  constructor(
    readonly device: GPUDevice,
    maxPooledBytes: number,
  ) {
    this.pool = new BufferPool(device, maxPooledBytes, (buffer) => this.retire(buffer));
    this.slotBytes = Math.max(PARAMS_WORDS * 4, device.limits.minUniformBufferOffsetAlignment);
    // Validation errors surface asynchronously: keep them so the next read reports them.
    device.addEventListener('uncapturederror', (event) => {
      this.errors.push((event as GPUUncapturedErrorEvent).error.message);
    });
  }

  /** Records one compute dispatch into the pending command buffer. */
  dispatch({ source, buffers, params, workgroups }: Dispatch): void {
    const grid = this.grid(workgroups);
    if (grid[0] * grid[1] * grid[2] === 0) return;
    const pipeline = this.pipeline(source);
    const arena = this.paramsArena();
    const offset = this.pendingDispatches * this.slotBytes;
    arena.words.set(params.words, offset / 4);
    const entries: GPUBindGroupEntry[] = [
      { binding: 0, resource: { buffer: arena.buffer, offset, size: PARAMS_WORDS * 4 } },
    ];
    for (let i = 0; i < buffers.length; i++)
      entries.push({ binding: i + 1, resource: { buffer: buffers[i] } });
    const bindGroup = this.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
    const pass = this.commandEncoder().beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(grid[0], grid[1], grid[2]);
    pass.end();
    if (++this.pendingDispatches >= DISPATCHES_PER_SUBMIT) this.flush();
  }

  /**
   * A pooled buffer of at least `bytes` for a kernel's intermediate results (contents undefined).
   * Give it back with `releaseScratch` once the dispatches using it are recorded: later commands
   * that reuse it run after them, so it need not wait for the GPU.
   */
  scratch(bytes: number): GPUBuffer {
    return this.pool.acquire(bytes).buffer;
  }

  releaseScratch(buffer: GPUBuffer): void {
    this.pool.release(buffer);
  }

  /** Records zero-filling `buffer` (a reused pool buffer) in order with the pending dispatches. */
  clear(buffer: GPUBuffer): void {
    this.commandEncoder().clearBuffer(buffer);
  }

  /** Writes `bytes` into `buffer` after every command recorded so far. */
  write(buffer: GPUBuffer, bytes: ArrayBufferView): void {
    // queue.writeBuffer runs before any command buffer not yet submitted, so submit those first.
    this.flush();
    this.device.queue.writeBuffer(buffer, 0, bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Copies the first `byteLength` bytes of `buffer` to a staging buffer and submits at once, so
   * the caller may release `buffer` right after this returns; resolves once the copy is mapped.
   */
  read(buffer: GPUBuffer, byteLength: number): Promise<ArrayBuffer> {
    const size = Math.max(4, byteLength);
    const staging = this.device.createBuffer({
      size,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    this.commandEncoder().copyBufferToBuffer(buffer, 0, staging, 0, size);
    this.flush();
    return staging.mapAsync(GPUMapMode.READ).then(
      () => {
        const copy = staging.getMappedRange().slice(0, byteLength);
        staging.destroy();
        this.throwPendingErrors();
        return copy;
      },
      (error: unknown) => {
        staging.destroy();
        throw new BackendError('readAsync', `mapping the GPU buffer for reading failed: ${String(error)}`);
      },
    );
  }

  /** Submits the pending command buffer (if any) and frees its parameter buffers. */
  flush(): void {
    if (this.arena) {
      this.arena.buffer.unmap();
      this.transient.push(this.arena.buffer);
      this.arena = null;
    }
    if (!this.encoder) return;
    this.device.queue.submit([this.encoder.finish()]);
    this.encoder = null;
    this.pendingDispatches = 0;
    for (const buffer of this.transient) buffer.destroy();
    this.transient = [];
  }

  /** Compute pipelines built so far (one per distinct shader source). */
  get pipelineCount(): number {
    return this.pipelines.size;
  }

  private paramsArena(): { buffer: GPUBuffer; words: Uint32Array } {
    if (!this.arena) {
      const buffer = this.device.createBuffer({
        size: DISPATCHES_PER_SUBMIT * this.slotBytes,
        usage: GPUBufferUsage.UNIFORM,
        mappedAtCreation: true,
      });
      this.arena = { buffer, words: new Uint32Array(buffer.getMappedRange()) };
    }
    return this.arena;
  }

  private grid(workgroups: Dispatch['workgroups']): [number, number, number] {
    const maxPerDimension = this.device.limits.maxComputeWorkgroupsPerDimension;
    if (typeof workgroups !== 'number') {
      if (workgroups.some((count) => count > maxPerDimension)) {
        // Only a kernel bug gets here: tiled kernels size their grids from the device limit.
        throw new RangeError(
          `webgpu: workgroup grid [${workgroups.join(', ')}] exceeds ${maxPerDimension} per axis`,
        );
      }
      return [workgroups[0], workgroups[1], workgroups[2]];
    }
    const x = Math.min(workgroups, maxPerDimension);
    return [x, x === 0 ? 0 : Math.ceil(workgroups / x), 1];
  }

  /** Destroys `buffer` now, or after the pending command buffer (which may use it) is submitted. */
  private retire(buffer: GPUBuffer): void {
    if (this.encoder) this.transient.push(buffer);
    else buffer.destroy();
  }

  private throwPendingErrors(): void {
    if (this.errors.length === 0) return;
    const messages = this.errors.splice(0).join('; ');
    throw new BackendError('webgpu', `the GPU reported an error while running kernels: ${messages}`);
  }

  private commandEncoder(): GPUCommandEncoder {
    this.encoder ??= this.device.createCommandEncoder();
    return this.encoder;
  }

  private pipeline(source: string): GPUComputePipeline {
    let pipeline = this.pipelines.get(source);
    if (!pipeline) {
      const module = this.device.createShaderModule({ code: source });
      pipeline = this.device.createComputePipeline({
        layout: 'auto',
        compute: { module, entryPoint: 'main' },
      });
      this.pipelines.set(source, pipeline);
    }
    return pipeline;
  }
}
