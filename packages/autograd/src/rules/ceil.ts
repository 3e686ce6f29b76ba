import { zeroGradient } from './zero-gradient';

/** d(ceil(x))/dx = 0 (a piecewise-constant function; also 0 at its jumps). */
export const ceilGrad = zeroGradient<'ceil'>();
