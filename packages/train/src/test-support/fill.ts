import { assign, fullLike, type Tensor, tidy } from '@nagare/tensor';

/** Sets every element of `target` to `value`, in place. */
export function fill(target: Tensor, value: number): void {
  tidy(() => assign(target, fullLike(target, value)));
}
