import { type KernelTensor, stridesOf } from '@nagare/tensor';
import type { Params } from '../runtime/params';

/**
 * The strides of `shape` broadcast to `outShape`, one per output axis: 0 on axes the operand lacks
 * or has as 1, so the shader's strided index repeats those elements.
 */
export function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const own = stridesOf(shape);
  const shift = outShape.length - shape.length;
  return outShape.map((dim, axis) => {
    const inputAxis = axis - shift;
    if (inputAxis < 0) return 0;
    return shape[inputAxis] === 1 && dim !== 1 ? 0 : own[inputAxis];
  });
}

/** How an operand is read for output element `i`: the same index, its only element, or strided. */
export type OperandAccess = 'same' | 'scalar' | 'strided';

export function operandAccess(t: KernelTensor, out: KernelTensor): OperandAccess {
  if (
    t.size === out.size &&
    t.shape.length === out.shape.length &&
    t.shape.every((d, k) => d === out.shape[k])
  ) {
    return 'same';
  }
  return t.size === 1 ? 'scalar' : 'strided';
}

/**
 * Appends the output shape and each strided operand's broadcast strides to `params` (after the
 * element count and rank) and returns each operand's WGSL index expression for output element `i`.
 */
export function broadcastIndexing(
  params: Params,
  operands: readonly KernelTensor[],
  out: KernelTensor,
): string[] {
  const rank = out.shape.length;
  params.u32(rank, ...out.shape);
  return operands.map((t) => {
    const access = operandAccess(t, out);
    if (access === 'same') return 'i';
    if (access === 'scalar') return '0u';
    const stridesAt = params.count;
    params.i32(...broadcastStrides(t.shape, out.shape));
    return `stridedIndex(i, ${rank}u, 2u, ${stridesAt}u, 0)`;
  });
}
