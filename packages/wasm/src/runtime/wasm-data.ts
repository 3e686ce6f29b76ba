import type { DataId } from '@nagare/tensor';

/**
 * One tensor buffer in the wasm heap. `isDirty` marks a block reused from a free list that no one
 * has written yet: the Backend contract promises zero-filled buffers, but nearly every buffer is
 * about to be overwritten by a kernel, so zeroing waits until someone could observe the old bytes.
 */
export class WasmData implements DataId {
  constructor(
    public pointer: number,
    readonly bytes: number,
    public isDirty: boolean,
  ) {}
}
