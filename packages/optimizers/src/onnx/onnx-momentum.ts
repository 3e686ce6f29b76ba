import { ArgumentError, momentumUpdate, type Tensor } from '@nagare/tensor';
import { checkLists, copies, type OnnxScalar, scalarValue } from './training-inputs';

/** Attributes of ONNX Momentum (ai.onnx.preview.training, version 1): all required. */
export interface OnnxMomentumAttributes {
  /** Decay of the accumulated velocity. */
  alpha: number;
  /** Coefficient of the gradient in the velocity (1 on the first step, T = 0). */
  beta: number;
  /** 'standard' (x ← x − R·v) or 'nesterov' (x ← x − R·(g + α·v)). */
  mode: 'standard' | 'nesterov';
  /** Coupled L2 decay: norm_coefficient·x is added to the gradient. */
  normCoefficient: number;
}

/**
 * One step of the ONNX `Momentum` training operator, out of place: g ← g + λx;
 * v ← αv + β′g with β′ = β for T > 0 and 1 at T = 0; x ← x − R·v (standard) or
 * x ← x − R·(g + αv) (nesterov). X, G, V: equal-length lists of same-shape float tensors.
 *
 * @example
 * const step = onnxMomentumStep({ r: 0.1, t: 1, x: [w], g: [grad], v: [v0] },
 *   { alpha: 0.9, beta: 0.1, mode: 'standard', normCoefficient: 0 });
 */
export function onnxMomentumStep(
  inputs: { r: OnnxScalar; t: OnnxScalar; x: readonly Tensor[]; g: readonly Tensor[]; v: readonly Tensor[] },
  attributes: OnnxMomentumAttributes,
): { x: Tensor[]; v: Tensor[] } {
  const op = 'onnxMomentumStep';
  const { alpha, beta, mode, normCoefficient } = attributes;
  if (mode !== 'standard' && mode !== 'nesterov')
    throw new ArgumentError(op, `mode must be 'standard' or 'nesterov' (got ${String(mode)})`);
  const r = scalarValue(op, 'R', inputs.r);
  const t = scalarValue(op, 'T', inputs.t);
  const count = checkLists(op, { X: inputs.x, G: inputs.g, V: inputs.v });
  const [x, v] = [copies(inputs.x), copies(inputs.v)];
  // The kernel scales g by (1 − dampening), so β′ becomes dampening 1 − β′.
  const dampening = t > 0 ? 1 - beta : 0;
  for (let i = 0; i < count; i++) {
    momentumUpdate(
      x[i],
      inputs.g[i],
      { velocity: v[i] },
      { lr: r, momentum: alpha, dampening, nesterov: mode === 'nesterov', weightDecay: normCoefficient },
    );
  }
  return { x, v };
}
