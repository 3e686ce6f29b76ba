import { adagradUpdate, type Tensor } from '@nagare/tensor';
import { checkLists, copies, type OnnxScalar, scalarValue } from './training-inputs';

/** Attributes of ONNX Adagrad (ai.onnx.preview.training, version 1), with the operator's defaults. */
export interface OnnxAdagradAttributes {
  /** The lr of step T is R / (1 + T·decay_factor). Default 0. */
  decayFactor?: number;
  /** Added to √h. Default 0. */
  epsilon?: number;
  /** Coupled L2 decay: norm_coefficient·x is added to the gradient. Default 0. */
  normCoefficient?: number;
}

/**
 * One step of the ONNX `Adagrad` training operator, out of place: r = R/(1 + T·decay_factor);
 * g ← g + λx; h ← h + g²; x ← x − r·g/(√h + ε). X, G, H: equal-length lists of same-shape float
 * tensors. Returns the new X and H (the inputs are untouched).
 *
 * @example
 * const { x, h } = onnxAdagradStep({ r: 0.1, t: 0, x: [w], g: [grad], h: [h0] }, { epsilon: 1e-5 });
 */
export function onnxAdagradStep(
  inputs: { r: OnnxScalar; t: OnnxScalar; x: readonly Tensor[]; g: readonly Tensor[]; h: readonly Tensor[] },
  attributes: OnnxAdagradAttributes = {},
): { x: Tensor[]; h: Tensor[] } {
  const op = 'onnxAdagradStep';
  const { decayFactor = 0, epsilon = 0, normCoefficient = 0 } = attributes;
  const r = scalarValue(op, 'R', inputs.r);
  const t = scalarValue(op, 'T', inputs.t);
  const count = checkLists(op, { X: inputs.x, G: inputs.g, H: inputs.h });
  const [x, h] = [copies(inputs.x), copies(inputs.h)];
  const lr = r / (1 + t * decayFactor);
  for (let i = 0; i < count; i++) {
    adagradUpdate(
      x[i],
      inputs.g[i],
      { sumSquares: h[i] },
      { lr, eps: epsilon, weightDecay: normCoefficient },
    );
  }
  return { x, h };
}
