// TypeScript smoke program compiled as CommonJS (a .cts file): its imports become require() calls,
// so they resolve the packages' "require" conditions and the .d.cts declarations.
import { grad } from '@nagare/autograd';
import { mul, sum, type Tensor, tensor } from '@nagare/tensor';

const square = (t: Tensor): Tensor => sum(mul(t, t));
export const gradient: Tensor = grad(square)(tensor([1, 2, 3]));

// @ts-expect-error grad takes a function of tensors
grad(42);
