import type { Tensor } from '@nagare/tensor';

/**
 * One float32 gradcheck: `inputs` builds the arguments on the active backend (float32 values, int32
 * indices), `f` calls the op. `op` names the primitive whose gradient rule it checks.
 */
export interface GradcheckCase {
  op: string;
  name: string;
  inputs: () => Tensor[];
  f: (...xs: Tensor[]) => Tensor | readonly Tensor[];
}
