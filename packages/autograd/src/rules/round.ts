import { zeroGradient } from './zero-gradient';

/** d(round(x))/dx = 0 (a piecewise-constant function; also 0 at its jumps). */
export const roundGrad = zeroGradient<'round'>();
