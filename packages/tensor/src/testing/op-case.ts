import type { Tensor } from '../tensor';
import type { DType, NestedArray } from '../types';
import type { Tolerance } from './all-close';

/**
 * One forward case that every backend runs: `run` builds inputs and calls the op; the result is
 * compared with `expected` (hand-computed or from a float64 formula). `skip` names a backend and
 * says why it cannot run this case, so every gap is visible.
 */
export interface OpCase {
  /** The op (or composite) under test. */
  op: string;
  name: string;
  run: () => Tensor | Tensor[];
  expected: NestedArray | NestedArray[];
  /** Expected dtype of each output (checked when given). */
  dtype?: DType | DType[];
  /** Expected shape of the (single) output, for shapes nested arrays cannot spell, like [0, 3]. */
  shape?: readonly number[];
  tolerance?: Tolerance;
  skip?: Record<string, string>;
}
