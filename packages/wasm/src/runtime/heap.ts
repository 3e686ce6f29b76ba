import { BackendError } from '@nagare/tensor';

const PAGE_BYTES = 65536;
/** Every block is a multiple of this, so vector loads stay aligned and blocks never share a cache line. */
const ALIGNMENT = 64;
/** Size classes per doubling: at most 25% of a block is wasted by rounding up. */
const CLASSES_PER_DOUBLING = 4;

/**
 * The size class of a request: blocks of ALIGNMENT bytes and up, in four steps per power of two
 * (64, 80, 96, 112, 128, 160, …). Returns the class index; `classBytes` gives its size.
 */
export function sizeClassOf(bytes: number): number {
  if (bytes <= ALIGNMENT) return 0;
  // Integer bit arithmetic (blocks stay below 2^31 bytes): this runs twice for every tensor.
  const exponent = 31 - Math.clz32(bytes - 1); // 2^e ≤ bytes − 1 < 2^(e+1)
  const steps = ((bytes - (1 << exponent) - 1) >>> (exponent - 2)) + 1; // 1…4
  return (exponent - 6) * CLASSES_PER_DOUBLING + steps;
}

function computeClassBytes(index: number): number {
  if (index === 0) return ALIGNMENT;
  const exponent = Math.floor((index - 1) / CLASSES_PER_DOUBLING) + 6;
  const steps = index - (exponent - 6) * CLASSES_PER_DOUBLING;
  return 2 ** exponent + steps * 2 ** (exponent - 2);
}

/** Every class a block below the 2 GiB memory limit can have (class 100 is 2^31 bytes). */
const CLASS_BYTES = Array.from({ length: 101 }, (_, index) => computeClassBytes(index));

/** Bytes of a block of size class `index`. */
export function classBytes(index: number): number {
  return CLASS_BYTES[index] ?? computeClassBytes(index);
}

/**
 * A size-class free-list allocator over the WebAssembly memory. Freed blocks go on their class's
 * list and are reused first; new blocks are carved from the top, growing the memory when needed.
 * Growth replaces `memory.buffer`, so the typed-array views are rebuilt after every grow: read
 * them from this object each time, never keep them across an allocation.
 */
export class WasmHeap {
  u8!: Uint8Array;
  i32!: Int32Array;
  f32!: Float32Array;
  f64!: Float64Array;
  /** Bytes in blocks handed out and not yet freed (class sizes). */
  usedBytes = 0;
  /** Whether the last `allocate` reused a freed block (which is not zero-filled). */
  wasReused = false;
  private top: number;
  private peak: number;
  private readonly freeLists: number[][] = [];

  constructor(
    readonly memory: WebAssembly.Memory,
    private readonly base: number,
    private readonly maximumPages: number,
  ) {
    this.top = Math.ceil(base / ALIGNMENT) * ALIGNMENT;
    this.peak = this.top;
    this.refreshViews();
  }

  /** Highest address ever handed out, measured from the heap's start: its high-water mark. */
  get highWater(): number {
    return this.peak - this.base;
  }

  /** Bytes of memory the module currently owns (including not-yet-used pages). */
  get capacity(): number {
    return this.memory.buffer.byteLength;
  }

  /**
   * The address of a block of at least `bytes` bytes. A block reused from a free list still holds
   * old data (`wasReused` is then true); fresh memory from the top is zero. `op` names the op in
   * the error when the heap cannot grow; the counters change only once the block is handed out.
   */
  allocate(bytes: number, op = 'allocate'): number {
    const index = sizeClassOf(bytes);
    const list = this.freeLists[index];
    const size = classBytes(index);
    this.wasReused = list !== undefined && list.length > 0;
    if (this.wasReused) {
      this.usedBytes += size;
      return list.pop()!;
    }
    const pointer = this.top;
    const end = pointer + size;
    if (end > this.memory.buffer.byteLength) this.grow(end, op);
    this.usedBytes += size;
    this.top = end;
    if (end > this.peak) this.peak = end;
    return pointer;
  }

  /** Returns a block of `bytes` (the size it was allocated with) to its free list. */
  free(pointer: number, bytes: number): void {
    const index = sizeClassOf(bytes);
    this.usedBytes -= classBytes(index);
    const list = this.freeLists[index];
    if (list === undefined) this.freeLists[index] = [pointer];
    else list.push(pointer);
  }

  /** Zero-fills `bytes` bytes at `pointer`. */
  zero(pointer: number, bytes: number): void {
    this.u8.fill(0, pointer, pointer + bytes);
  }

  private grow(end: number, op: string): void {
    const current = this.memory.buffer.byteLength;
    // Grow by at least a quarter of the current size so a run of allocations grows rarely.
    const wanted = Math.max(end, current + current / 4);
    const pages = Math.min(
      Math.ceil((wanted - current) / PAGE_BYTES),
      this.maximumPages - current / PAGE_BYTES,
    );
    if (current + pages * PAGE_BYTES < end) {
      throw new BackendError(
        op,
        `the wasm heap cannot grow to ${end} bytes (maximum ${this.maximumPages * PAGE_BYTES})`,
      );
    }
    this.memory.grow(pages);
    this.refreshViews();
  }

  /** Rebuilds the typed-array views over the (possibly replaced) memory buffer. */
  refreshViews(): void {
    const buffer = this.memory.buffer;
    this.u8 = new Uint8Array(buffer);
    this.i32 = new Int32Array(buffer);
    this.f32 = new Float32Array(buffer);
    this.f64 = new Float64Array(buffer);
  }
}
