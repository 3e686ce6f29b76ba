import { BatchNorm1d, LayerNorm } from '@nagare/layers';
import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

const floatDType = (x: Tensor) => (x.dtype === 'float64' ? 'float64' : 'float32');

/**
 * BatchNormalization through @nagare/layers' BatchNorm1d (the input is viewed as [N, C, rest]).
 * ONNX's momentum weighs the old statistic (default 0.9), PyTorch's the batch one: m_torch = 1 − m.
 * In training mode ONNX also returns updated running statistics, but with the biased batch variance
 * where PyTorch (and nagare's layer) use the unbiased one, so those two outputs follow ONNX's formula
 * running · m + batch · (1 − m) with tensor ops.
 */
function batchNorm(c: OnnxOpContext): Tensor[] {
  const x = c.input(0);
  const [scale, bias, runningMean, runningVar] = [c.input(1), c.input(2), c.input(3), c.input(4)];
  const channels = x.shape[1];
  const momentum = c.float('momentum', 0.9);
  const isTraining = c.opset >= 14 && c.int('training_mode', 0) === 1;
  const layer = new BatchNorm1d(channels, {
    eps: c.float('epsilon', 1e-5),
    momentum: 1 - momentum,
    dtype: floatDType(x),
  });
  layer.loadStateDict(
    { weight: scale, bias, running_mean: runningMean, running_var: runningVar },
    { strict: false },
  );
  layer.train(isTraining);
  const y = nt.reshape(layer.call(nt.reshape(x, [x.shape[0], channels, -1])), x.shape);
  layer.dispose();
  if (!isTraining) return [y];
  const axes = x.shape.map((_, i) => i).filter((i) => i !== 1);
  const batchMean = nt.mean(x, axes);
  const batchVar = nt.variance(x, axes, { correction: 0 });
  const blend = (running: Tensor, batch: Tensor) =>
    nt.add(nt.mul(running, momentum), nt.mul(batch, 1 - momentum));
  return [y, blend(runningMean, batchMean), blend(runningVar, batchVar)];
}

/**
 * LayerNormalization (opset 17) through @nagare/layers' LayerNorm over the axes from `axis` on.
 * The optional Mean and InvStdDev outputs (ONNX-only) are computed with tensor ops.
 */
function layerNorm(c: OnnxOpContext): Tensor[] {
  const x = c.input(0);
  const axis = nt.normalizeAxis('LayerNormalization', c.int('axis', -1), x.rank);
  const epsilon = c.float('epsilon', 1e-5);
  const normalizedShape = x.shape.slice(axis);
  const scale = nt.expand(c.input(1), normalizedShape);
  const bias = c.optionalInput(2);
  const layer = new LayerNorm(normalizedShape, {
    eps: epsilon,
    bias: bias !== undefined,
    dtype: floatDType(x),
  });
  layer.loadStateDict(bias ? { weight: scale, bias: nt.expand(bias, normalizedShape) } : { weight: scale });
  const y = layer.call(x);
  layer.dispose();
  const axes = normalizedShape.map((_, i) => axis + i);
  const mean = nt.mean(x, axes, { keepDims: true });
  const invStdDev = nt.rsqrt(nt.add(nt.variance(x, axes, { keepDims: true, correction: 0 }), epsilon));
  return [y, mean, invStdDev];
}

/**
 * InstanceNormalization through @nagare/layers' LayerNorm: each (sample, channel) plane, viewed as a
 * row of `[N, C, spatial]`, is normalized over its spatial values (a non-affine LayerNorm over the
 * last axis), then scaled and shifted per channel.
 */
function instanceNorm(c: OnnxOpContext): Tensor[] {
  const x = c.input(0);
  const [batch, channels] = x.shape;
  const spatial = x.size / (batch * channels);
  const layer = new LayerNorm([spatial], {
    eps: c.float('epsilon', 1e-5),
    elementwiseAffine: false,
    dtype: floatDType(x),
  });
  const normalized = layer.call(nt.reshape(x, [batch, channels, spatial]));
  layer.dispose();
  const perChannel = (t: Tensor) => nt.reshape(t, [channels, 1]);
  const y = nt.add(nt.mul(normalized, perChannel(c.input(1))), perChannel(c.input(2)));
  return [nt.reshape(y, x.shape)];
}

/** BatchNormalization, LayerNormalization, InstanceNormalization. */
export const normalizationOps: OnnxOpTable = {
  BatchNormalization: batchNorm,
  LayerNormalization: layerNorm,
  InstanceNormalization: instanceNorm,
};
