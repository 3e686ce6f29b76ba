// Inputs shared by the loss value tests and the loss gradchecks, so both check the same cases:
// an ignored label (-100), a class weight per class and logits with a clear winner in some rows.
import { tensor } from '@nagare/tensor';

/** A float64 tensor of `values`. */
export const f64 = (values: number[] | number[][] | number[][][]) => tensor(values, { dtype: 'float64' });

/** An int32 tensor of `values` (class indices). */
export const i32 = (values: number[] | number[][]) => tensor(values, { dtype: 'int32' });

/** Four rows of four-class logits. */
export const LOGITS = [
  [2, -1, 0.5, 0],
  [0.1, 0.2, 0.3, -3],
  [-1, 4, 1, 1],
  [0, 0, 0, 5],
];

/** One label per row of LOGITS; the last one is PyTorch's default ignore index. */
export const LABELS = [0, 3, 1, -100];

/** A weight per class of LOGITS. */
export const CLASS_WEIGHT = [1, 2, 0.5, 3];
