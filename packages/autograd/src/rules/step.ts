import { zeroGradient } from './zero-gradient';

/** d(step(x))/dx = 0 (a piecewise-constant function; also 0 at its jumps). */
export const stepGrad = zeroGradient<'step'>();
