import { zeroGradient } from './zero-gradient';

/** d(floor(x))/dx = 0 (a piecewise-constant function; also 0 at its jumps). */
export const floorGrad = zeroGradient<'floor'>();
