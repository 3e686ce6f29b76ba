/** The smallest GPU buffer the pool hands out: every tensor, even an empty one, gets a bindable buffer. */
export const MIN_BUFFER_BYTES = 256;

/** What the pool holds: buffers owned by live tensors and buffers waiting for reuse. */
export interface GpuMemory {
  /** GPU buffers that exist now (live tensors' plus pooled ones). */
  buffers: number;
  /** Bytes of those buffers. */
  bytes: number;
  /** Of `buffers`, how many sit in the pool waiting for reuse. */
  pooled: number;
  /** Bytes of the pooled buffers. */
  pooledBytes: number;
}

/**
 * The size class of a request: the next power of two ≥ 256 bytes, so a freed buffer fits every later
 * request of its class. Past `maxBufferSize` rounding up would not fit, so large requests keep their
 * exact (4-byte aligned) size and are reused only by requests of that exact size.
 */
export function sizeClass(bytes: number, maxBufferSize: number): number {
  const needed = Math.max(MIN_BUFFER_BYTES, Math.ceil(bytes / 4) * 4);
  const rounded = 2 ** Math.ceil(Math.log2(needed));
  return rounded <= maxBufferSize ? rounded : needed;
}

/**
 * Storage buffers for tensors, pooled by size class: `release` keeps a buffer for the next
 * `acquire` of its class (up to `maxPooledBytes`, past which it is destroyed), so a training loop
 * that allocates the same shapes every step creates no GPU buffers after its first step.
 */
export class BufferPool {
  private readonly free = new Map<number, GPUBuffer[]>();
  private liveBuffers = 0;
  private liveBytes = 0;
  private pooledBuffers = 0;
  private pooledBytes = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly maxPooledBytes: number,
    /** Destroys a buffer once no recorded command can still use it. */
    private readonly retire: (buffer: GPUBuffer) => void,
  ) {}

  /** A buffer of at least `bytes`; `isReused` says it may hold old data (the caller clears it). */
  acquire(bytes: number): { buffer: GPUBuffer; isReused: boolean } {
    const size = sizeClass(bytes, this.device.limits.maxBufferSize);
    this.liveBuffers++;
    this.liveBytes += size;
    const pooled = this.free.get(size)?.pop();
    if (pooled) {
      this.pooledBuffers--;
      this.pooledBytes -= size;
      return { buffer: pooled, isReused: true };
    }
    const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
    return { buffer: this.device.createBuffer({ size, usage }), isReused: false };
  }

  /** Returns `buffer` to the pool. Commands already recorded that use it still see its old contents. */
  release(buffer: GPUBuffer): void {
    const size = buffer.size;
    this.liveBuffers--;
    this.liveBytes -= size;
    if (this.pooledBytes + size > this.maxPooledBytes) {
      this.retire(buffer);
      return;
    }
    let list = this.free.get(size);
    if (!list) {
      list = [];
      this.free.set(size, list);
    }
    list.push(buffer);
    this.pooledBuffers++;
    this.pooledBytes += size;
  }

  memory(): GpuMemory {
    return {
      buffers: this.liveBuffers + this.pooledBuffers,
      bytes: this.liveBytes + this.pooledBytes,
      pooled: this.pooledBuffers,
      pooledBytes: this.pooledBytes,
    };
  }

  /** Destroys the pooled buffers (live tensors keep theirs until the device goes). */
  destroyPooled(): void {
    for (const list of this.free.values()) for (const buffer of list) buffer.destroy();
    this.free.clear();
    this.pooledBuffers = 0;
    this.pooledBytes = 0;
  }
}
