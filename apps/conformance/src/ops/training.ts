import type { OnnxOpContext, OnnxOpTable } from '@nagare/io';
import { onnxAdagradStep, onnxAdamStep, onnxMomentumStep } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';

/**
 * The inputs of a training operator, [R, T, X₁…Xₙ, G₁…Gₙ, state lists…], split into R, T (read as
 * numbers: T is an int64 step count) and `lists` equal lists of n tensors.
 */
function trainingInputs(c: OnnxOpContext, lists: number): { r: number; t: number; groups: Tensor[][] } {
  const rest = c.inputs().slice(2);
  const n = rest.length / lists;
  if (!Number.isInteger(n) || n < 1)
    c.unsupported(`expected R, T and ${lists} equal lists of tensors, got ${c.inputCount} inputs`);
  const groups = Array.from({ length: lists }, (_, k) => rest.slice(k * n, (k + 1) * n));
  // R as a host number (its fed value where there is one), so WebGPU needs no synchronous read.
  return { r: c.inputValues(0)[0], t: c.inputScalar(1) ?? 0, groups };
}

/** Adam: outputs X_new…, V_new…, H_new…. */
function adam(c: OnnxOpContext) {
  const { r, t, groups } = trainingInputs(c, 4);
  const [x, g, v, h] = groups;
  const attributes = {
    alpha: c.float('alpha', 0.9),
    beta: c.float('beta', 0.999),
    epsilon: c.float('epsilon', 1e-6),
    normCoefficient: c.float('norm_coefficient', 0),
    normCoefficientPost: c.float('norm_coefficient_post', 0),
  };
  const result = onnxAdamStep({ r, t, x, g, v, h }, attributes);
  return [...result.x, ...result.v, ...result.h];
}

/** Adagrad: outputs X_new…, H_new…; the lr of step T is R / (1 + T·decay_factor). */
function adagrad(c: OnnxOpContext) {
  const { r, t, groups } = trainingInputs(c, 3);
  const [x, g, h] = groups;
  const attributes = {
    decayFactor: c.float('decay_factor', 0),
    epsilon: c.float('epsilon', 0),
    normCoefficient: c.float('norm_coefficient', 0),
  };
  const result = onnxAdagradStep({ r, t, x, g, h }, attributes);
  return [...result.x, ...result.h];
}

/** Momentum (standard or nesterov): outputs X_new…, V_new…. Every attribute is required. */
function momentum(c: OnnxOpContext) {
  const { r, t, groups } = trainingInputs(c, 3);
  const [x, g, v] = groups;
  const mode = c.string('mode', '');
  if (mode !== 'standard' && mode !== 'nesterov') c.unsupported(`mode "${mode}"`);
  for (const name of ['alpha', 'beta', 'norm_coefficient'])
    if (!c.hasAttribute(name)) c.unsupported(`missing attribute ${name}`);
  const attributes = {
    alpha: c.float('alpha', 0),
    beta: c.float('beta', 0),
    mode: mode as 'standard' | 'nesterov',
    normCoefficient: c.float('norm_coefficient', 0),
  };
  const result = onnxMomentumStep({ r, t, x, g, v }, attributes);
  return [...result.x, ...result.v];
}

/**
 * The optimizer operators of ai.onnx.preview.training, through @nagare/optimizers' functional API.
 * @nagare/io does not depend on the optimizers, so the runner adds these to `importOnnx`'s table.
 */
export const trainingOps: OnnxOpTable = {
  'ai.onnx.preview.training:Adam': adam,
  'ai.onnx.preview.training:Adagrad': adagrad,
  'ai.onnx.preview.training:Momentum': momentum,
};
