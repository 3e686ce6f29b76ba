import { ArgumentError, type Tensor } from '@nagare/tensor';
import { onnxAdagradStep } from './onnx-adagrad';
import { onnxAdamStep } from './onnx-adam';
import { onnxMomentumStep } from './onnx-momentum';

/** The ai.onnx.preview.training operators nagare runs. */
export type OnnxTrainingOpType = 'Adam' | 'Adagrad' | 'Momentum';

/** ONNX attributes as stored in the node (snake_case names; floats, ints and strings). */
export type OnnxTrainingAttributes = Readonly<Record<string, number | string>>;

function numberAttribute(
  op: string,
  attributes: OnnxTrainingAttributes,
  name: string,
  fallback?: number,
): number {
  const value = attributes[name] ?? fallback;
  if (typeof value !== 'number')
    throw new ArgumentError(op, `attribute ${name} must be a number (got ${String(value)})`);
  return value;
}

/**
 * Runs an ai.onnx.preview.training operator with ONNX's own calling convention: inputs
 * [R, T, X₁…Xₙ, G₁…Gₙ, state₁…] and snake_case attributes; returns [X_new₁…, state_new…] in the
 * node's output order. The conformance runner maps Adam, Adagrad and Momentum nodes onto it.
 *
 * @example
 * const [xNew, hNew] = runOnnxTrainingOp('Adagrad', [r, t, x, g, h], { epsilon: 1e-5 });
 */
export function runOnnxTrainingOp(
  opType: OnnxTrainingOpType,
  inputs: readonly Tensor[],
  attributes: OnnxTrainingAttributes = {},
): Tensor[] {
  const op = `runOnnxTrainingOp(${opType})`;
  const groups = opType === 'Adam' ? 4 : opType === 'Adagrad' || opType === 'Momentum' ? 3 : 0;
  if (groups === 0)
    throw new ArgumentError(
      'runOnnxTrainingOp',
      `unknown training operator "${String(opType)}" (expected Adam, Adagrad or Momentum)`,
    );
  const count = (inputs.length - 2) / groups;
  if (!Number.isInteger(count) || count < 1) {
    throw new ArgumentError(
      op,
      `expects R, T and ${groups} equal lists of tensors (got ${inputs.length} inputs)`,
    );
  }
  const [r, t] = inputs;
  const list = (k: number) => inputs.slice(2 + k * count, 2 + (k + 1) * count);
  const number = (name: string, fallback?: number) => numberAttribute(op, attributes, name, fallback);
  if (opType === 'Adam') {
    const attrs = {
      alpha: number('alpha', 0.9),
      beta: number('beta', 0.999),
      epsilon: number('epsilon', 1e-6),
      normCoefficient: number('norm_coefficient', 0),
      normCoefficientPost: number('norm_coefficient_post', 0),
    };
    const result = onnxAdamStep({ r, t, x: list(0), g: list(1), v: list(2), h: list(3) }, attrs);
    return [...result.x, ...result.v, ...result.h];
  }
  if (opType === 'Adagrad') {
    const attrs = {
      decayFactor: number('decay_factor', 0),
      epsilon: number('epsilon', 0),
      normCoefficient: number('norm_coefficient', 0),
    };
    const result = onnxAdagradStep({ r, t, x: list(0), g: list(1), h: list(2) }, attrs);
    return [...result.x, ...result.h];
  }
  const mode = attributes.mode;
  if (mode !== 'standard' && mode !== 'nesterov')
    throw new ArgumentError(op, `attribute mode must be "standard" or "nesterov" (got ${String(mode)})`);
  const attrs = {
    alpha: number('alpha'),
    beta: number('beta'),
    mode,
    normCoefficient: number('norm_coefficient'),
  } as const;
  const result = onnxMomentumStep({ r, t, x: list(0), g: list(1), v: list(2) }, attrs);
  return [...result.x, ...result.v];
}
