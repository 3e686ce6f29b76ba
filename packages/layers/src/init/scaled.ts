import { ArgumentError, type Tensor } from '@nagare/tensor';
import { normal, uniform } from './basic';
import { calculateFanInAndFanOut, calculateGain, type Nonlinearity } from './fan';
import type { InitOptions } from './fill';

function symmetricUniform(t: Tensor, bound: number, options: InitOptions): Tensor {
  return uniform(t, { ...options, low: -bound, high: bound });
}

/**
 * Glorot/Xavier uniform init in place: U(−g·√(6/(fanIn+fanOut)), +…), so the variance is
 * 2g²/(fanIn + fanOut) (Glorot & Bengio, 2010). `gain` g defaults to 1.
 *
 * @example
 * init.xavierUniform(linear.weight, { gain: calculateGain('tanh') });
 */
export function xavierUniform(t: Tensor, options: InitOptions & { gain?: number } = {}): Tensor {
  const { fanIn, fanOut } = calculateFanInAndFanOut(t.shape);
  return symmetricUniform(t, (options.gain ?? 1) * Math.sqrt(6 / (fanIn + fanOut)), options);
}

/**
 * Glorot/Xavier normal init in place: N(0, 2g²/(fanIn + fanOut)).
 *
 * @example
 * init.xavierNormal(linear.weight, { seed: 0 });
 */
export function xavierNormal(t: Tensor, options: InitOptions & { gain?: number } = {}): Tensor {
  const { fanIn, fanOut } = calculateFanInAndFanOut(t.shape);
  return normal(t, { ...options, std: (options.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut)) });
}

/** Options of the He (Kaiming) initializers, with PyTorch's defaults. */
export interface HeOptions extends InitOptions {
  /** Negative slope of the leaky ReLU that follows (default 0, i.e. ReLU). */
  a?: number;
  /** Preserve the variance of activations (`fanIn`, default) or of gradients (`fanOut`). */
  mode?: 'fanIn' | 'fanOut';
  /** The nonlinearity whose gain to use (default `leakyRelu` with slope `a`). */
  nonlinearity?: Nonlinearity;
}

function heStd(t: Tensor, { a = 0, mode = 'fanIn', nonlinearity = 'leakyRelu' }: HeOptions): number {
  if (mode !== 'fanIn' && mode !== 'fanOut')
    throw new ArgumentError('init.he', `mode must be 'fanIn' or 'fanOut', got "${mode}"`);
  const { fanIn, fanOut } = calculateFanInAndFanOut(t.shape);
  return calculateGain(nonlinearity, a) / Math.sqrt(mode === 'fanIn' ? fanIn : fanOut);
}

/**
 * He/Kaiming uniform init in place: U(−√3·σ, √3·σ) with σ = gain/√fan (He et al., 2015), as
 * `torch.nn.init.kaiming_uniform_`. PyTorch's Linear and Conv default is `{ a: Math.sqrt(5) }`.
 *
 * @example
 * init.heUniform(conv.weight, { nonlinearity: 'relu', mode: 'fanOut' });
 */
export function heUniform(t: Tensor, options: HeOptions = {}): Tensor {
  return symmetricUniform(t, Math.sqrt(3) * heStd(t, options), options);
}

/**
 * He/Kaiming normal init in place: N(0, gain²/fan), as `torch.nn.init.kaiming_normal_`.
 *
 * @example
 * init.heNormal(conv.weight, { nonlinearity: 'relu' });
 */
export function heNormal(t: Tensor, options: HeOptions = {}): Tensor {
  return normal(t, { ...options, std: heStd(t, options) });
}

/** PyTorch's name for `heUniform`. */
export const kaimingUniform = heUniform;
/** PyTorch's name for `heNormal`. */
export const kaimingNormal = heNormal;

/**
 * LeCun normal init in place: N(0, 1/fanIn), the initialization self-normalizing (SELU)
 * networks need (Klambauer et al., 2017).
 *
 * @example
 * init.lecunNormal(linear.weight, { seed: 0 });
 */
export function lecunNormal(t: Tensor, options: InitOptions = {}): Tensor {
  return normal(t, { ...options, std: 1 / Math.sqrt(calculateFanInAndFanOut(t.shape).fanIn) });
}

/**
 * LeCun uniform init in place: U(−√(3/fanIn), √(3/fanIn)), variance 1/fanIn.
 *
 * @example
 * init.lecunUniform(linear.weight, { seed: 0 });
 */
export function lecunUniform(t: Tensor, options: InitOptions = {}): Tensor {
  return symmetricUniform(t, Math.sqrt(3 / calculateFanInAndFanOut(t.shape).fanIn), options);
}
