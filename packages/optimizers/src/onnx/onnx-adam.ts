import { adamUpdate, assign, mul, type Tensor, tidy } from '@nagare/tensor';
import { checkLists, copies, type OnnxScalar, scalarValue } from './training-inputs';

/** Attributes of ONNX Adam (ai.onnx.preview.training, version 1), with the operator's defaults. */
export interface OnnxAdamAttributes {
  /** Decay of the first moment (β1). Default 0.9. */
  alpha?: number;
  /** Decay of the second moment (β2). Default 0.999. */
  beta?: number;
  /** Added to √h, outside the bias correction. Default 1e-6. */
  epsilon?: number;
  /** Coupled L2 decay: norm_coefficient·x is added to the gradient. Default 0. */
  normCoefficient?: number;
  /** Applied after the update: x ← (1 − norm_coefficient_post)·x. Default 0. */
  normCoefficientPost?: number;
}

/**
 * One step of the ONNX `Adam` training operator, out of place, for any number of tensors:
 * g ← g + λx; v ← αv + (1−α)g; h ← βh + (1−β)g²; x ← x − R·√(1−βᵀ)/(1−αᵀ)·v/(√h + ε) (no bias
 * correction when T = 0), then x ← (1 − λpost)·x. X, G, V, H: equal-length lists of same-shape
 * float tensors. Returns the new X, V and H (the inputs are untouched).
 *
 * @example
 * const { x, v, h } = onnxAdamStep({ r: 0.1, t: 1, x: [w], g: [grad], v: [v0], h: [h0] }, { alpha: 0.9 });
 */
export function onnxAdamStep(
  inputs: {
    r: OnnxScalar;
    t: OnnxScalar;
    x: readonly Tensor[];
    g: readonly Tensor[];
    v: readonly Tensor[];
    h: readonly Tensor[];
  },
  attributes: OnnxAdamAttributes = {},
): { x: Tensor[]; v: Tensor[]; h: Tensor[] } {
  const op = 'onnxAdamStep';
  const {
    alpha = 0.9,
    beta = 0.999,
    epsilon = 1e-6,
    normCoefficient = 0,
    normCoefficientPost = 0,
  } = attributes;
  const r = scalarValue(op, 'R', inputs.r);
  const t = scalarValue(op, 'T', inputs.t);
  const count = checkLists(op, { X: inputs.x, G: inputs.g, V: inputs.v, H: inputs.h });
  const [x, v, h] = [copies(inputs.x), copies(inputs.v), copies(inputs.h)];
  // ONNX adds ε to √h before the bias correction √(1−βᵀ) is applied; the kernel adds it after, so
  // ε is scaled by 1/√(1−βᵀ) to land in the same place (the two forms are equal in exact arithmetic).
  const eps = t > 0 ? epsilon / Math.sqrt(1 - beta ** t) : epsilon;
  for (let i = 0; i < count; i++) {
    adamUpdate(
      x[i],
      inputs.g[i],
      { m: v[i], v: h[i] },
      { lr: r, beta1: alpha, beta2: beta, eps, step: t, weightDecay: normCoefficient },
    );
    if (normCoefficientPost !== 0) tidy(() => assign(x[i], mul(x[i], 1 - normCoefficientPost)));
  }
  return { x, v, h };
}
