// How nagare builds each optimizer and lr schedule of fixtures/optimizers.json, through the public API.
import * as optim from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';

// biome-ignore lint/suspicious/noExplicitAny: options come from JSON, named as nagare names them.
type Json = any;

/** Each fixture optimizer: its nagare constructor over the parameters. */
export const OPTIMIZERS: Record<string, (params: Tensor[], options: Json) => optim.Optimizer> = {
  SGD: (params, options) => new optim.SGD(params, options),
  Adam: (params, options) => new optim.Adam(params, options),
  AdamW: (params, options) => new optim.AdamW(params, options),
  RMSProp: (params, options) => new optim.RMSProp(params, options),
  Adagrad: (params, options) => new optim.Adagrad(params, options),
  Adadelta: (params, options) => new optim.Adadelta(params, options),
  Adamax: (params, options) => new optim.Adamax(params, options),
  Momentum: (params, options) => new optim.Momentum(params, options),
  Nesterov: (params, options) => new optim.Nesterov(params, options),
};

/** Each fixture clipping: nagare's in-place clipping of the parameters' gradients. */
export const CLIPPINGS: Record<string, (params: Tensor[], options: Json) => void> = {
  // JSON has no Infinity: the fixture writes the ∞-norm as "inf".
  clipGradNorm: (params, { maxNorm, normType }) =>
    optim.clipGradNorm(params, maxNorm, {
      normType: normType === 'inf' ? Number.POSITIVE_INFINITY : normType,
    }),
  clipGradValue: (params, { clipValue }) => optim.clipGradValue(params, clipValue),
};

/** Each fixture schedule: nagare's lr schedule from the case's options. */
export const SCHEDULES: Record<string, (options: Json) => optim.LrSchedule> = {
  stepLr: (options) => optim.stepLr(options),
  multiStepLr: (options) => optim.multiStepLr(options),
  exponentialLr: (options) => optim.exponentialLr(options),
  cosineAnnealingLr: (options) => optim.cosineAnnealingLr(options),
  linearWarmupLr: (options) => optim.linearWarmupLr(options),
  oneCycleLr: (options) => optim.oneCycleLr(options),
};
