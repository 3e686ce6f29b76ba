import type { DType, KernelTensor, OpAttrs, OpName } from '@nagare/tensor';
import type { WasmHeap } from '../runtime/heap';
import type { KernelExports } from '../runtime/kernel-exports';
import type { TaskRunner } from '../runtime/task-runner';
import type { WasmData } from '../runtime/wasm-data';
import { COST_MEMORY } from './costs';
import { DTYPE_BOOL, DTYPE_FLOAT32, DTYPE_FLOAT64, DTYPE_INT32 } from './opcodes';

/** What a wasm kernel's JavaScript glue works with. */
export interface KernelContext {
  readonly exports: KernelExports;
  readonly heap: WasmHeap;
  readonly tasks: TaskRunner;
  /** Address of a 64 KiB block for kernel parameters (shapes, strides); valid during one kernel. */
  readonly params: number;
  /** Scratch bytes one thread of a float32 GEMM needs (packed panels). */
  readonly gemmScratchBytes: number;
}

/** The glue of one op: validates dtypes it cannot run (UnsupportedOpError) and calls the kernels. */
export interface WasmKernel<K extends OpName> {
  /** True when inputs of `dtype` can run. */
  supports(dtype: DType): boolean;
  run(
    context: KernelContext,
    inputs: readonly KernelTensor[],
    attrs: OpAttrs[K],
    outputs: readonly KernelTensor[],
  ): void;
}

/** Bytes of the parameter block. */
export const PARAMS_BYTES = 65536;

/** The heap address of a tensor's data. */
export function pointerOf(tensor: KernelTensor): number {
  return (tensor.dataId as WasmData).pointer;
}

const DTYPE_CODES: Record<DType, number> = {
  float32: DTYPE_FLOAT32,
  float64: DTYPE_FLOAT64,
  int32: DTYPE_INT32,
  bool: DTYPE_BOOL,
};

/** The kernels' number for `dtype`. */
export function dtypeCode(dtype: DType): number {
  return DTYPE_CODES[dtype];
}

const BYTES: Record<DType, number> = { float32: 4, float64: 8, int32: 4, bool: 1 };

/** Bytes per element of `dtype`. */
export function elementBytes(dtype: DType): number {
  return BYTES[dtype];
}

/**
 * Runs `body` with `tensor`'s data as `dtype`: the tensor itself when it already is, else a
 * temporary converted copy that is freed afterwards.
 */
export function withDType(
  context: KernelContext,
  tensor: KernelTensor,
  dtype: DType,
  body: (pointer: number) => void,
): void {
  if (tensor.dtype === dtype) {
    body(pointerOf(tensor));
    return;
  }
  const bytes = Math.max(tensor.size * elementBytes(dtype), 1);
  const temp = context.heap.allocate(bytes);
  try {
    convert(context, tensor.dtype, dtype, pointerOf(tensor), temp, tensor.size);
    body(temp);
  } finally {
    context.heap.free(temp, bytes);
  }
}

/** Converts `size` elements at `from` (of `fromDType`) into `toDType` at `to`. */
export function convert(
  context: KernelContext,
  fromDType: DType,
  toDType: DType,
  from: number,
  to: number,
  size: number,
): void {
  context.tasks.run('cast', size, COST_MEMORY, 0, dtypeCode(fromDType), dtypeCode(toDType), from, to);
}
