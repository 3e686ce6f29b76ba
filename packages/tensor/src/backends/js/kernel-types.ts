import type { OpAttrs, OpName } from '../../op-attrs';
import type { DType, Shape, TypedArray } from '../../types';

/** A tensor as a js kernel sees it: shape, dtype and the flat row-major values. */
export interface JsTensor {
  readonly shape: Shape;
  readonly dtype: DType;
  readonly data: TypedArray;
}

/** A js kernel: reads `inputs`, writes the preallocated `outputs`. Never allocates tensors or throws on values. */
export type JsKernel<K extends OpName> = (
  inputs: readonly JsTensor[],
  attrs: OpAttrs[K],
  outputs: readonly JsTensor[],
) => void;
