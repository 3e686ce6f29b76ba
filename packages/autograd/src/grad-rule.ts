import type { DType, OpAttrs, OpName, Shape, Tensor } from '@nagare/tensor';

/** What a gradient rule is told about one recorded op when the backward pass reaches it. */
export interface GradContext<K extends OpName = OpName> {
  /** Upstream gradient of the first output, at that output's shape. */
  readonly dy: Tensor;
  /**
   * Upstream gradient of every output (zeros for a float output nothing flowed into, `null` for
   * integer and bool outputs, which are never differentiated).
   */
  readonly dys: readonly (Tensor | null)[];
  /** The op's inputs as they were in the forward pass (empty unless the rule saves `inputs`). */
  readonly inputs: readonly Tensor[];
  /** The op's outputs (empty unless the rule saves `outputs`). */
  readonly outputs: readonly Tensor[];
  /** The op's normalized attributes. */
  readonly attrs: OpAttrs[K];
  /** Shape of every input (always known, saved or not). */
  readonly inputShapes: readonly Shape[];
  /** Dtype of every input. */
  readonly inputDTypes: readonly DType[];
  /** Which inputs need a gradient: a rule may skip (return `null` for) the others. */
  readonly needsGrad: readonly boolean[];
}

/** The gradient of each input, in input order: `null` (or a missing entry) means none. */
export type InputGradients = readonly (Tensor | null | undefined)[];

/**
 * The gradient rule of one primitive op: which forward tensors it keeps, and the vector–Jacobian
 * product written with public differentiable tensor ops (so the rule can be differentiated again).
 * Gradients may be returned at the output's broadcast shape: the engine sums each one back to its
 * input's shape and casts it to the input's dtype.
 *
 * @example
 * // d(eˣ)/dx = eˣ: reuse the saved output instead of recomputing exp.
 * const expGrad: GradRule<'exp'> = { save: 'outputs', backward: ({ dy, outputs: [y] }) => [mul(dy, y)] };
 */
export interface GradRule<K extends OpName = OpName> {
  /** Forward tensors the backward pass reads; nothing is kept when omitted. */
  readonly save?: 'inputs' | 'outputs' | 'both';
  backward(context: GradContext<K>): InputGradients;
}

/** The mark of an op that has no gradient (integer/bool outputs, in-place updates). */
export interface NonDifferentiable {
  readonly nonDifferentiable: true;
  /** Why, for the error a user sees when asking for this gradient. */
  readonly reason: string;
}

/**
 * Marks an op as not differentiable, on purpose, in the rule table.
 *
 * @example
 * const rules = { argmax: nonDifferentiable('its output is an int32 index') };
 */
export function nonDifferentiable(reason: string): NonDifferentiable {
  return { nonDifferentiable: true, reason };
}

/**
 * True for a `nonDifferentiable(...)` mark, false for a gradient rule.
 *
 * @example
 * isNonDifferentiable(gradRules.argmax); // true
 */
export function isNonDifferentiable(rule: GradRule | NonDifferentiable): rule is NonDifferentiable {
  return 'nonDifferentiable' in rule;
}

/** The rule table's type: an op without a rule or a mark fails the type check. */
export type GradRuleTable = { readonly [K in OpName]: GradRule<K> | NonDifferentiable };
