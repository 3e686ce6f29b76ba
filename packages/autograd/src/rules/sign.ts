import { zeroGradient } from './zero-gradient';

/** d(sign(x))/dx = 0 (a piecewise-constant function; also 0 at its jumps). */
export const signGrad = zeroGradient<'sign'>();
