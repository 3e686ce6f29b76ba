// @nagare/autograd — the public surface. Everything not listed here is internal.
// Importing this module installs the op recorder and the gradient engine (see ./install.ts).
import './install';

export { GraphFreedError } from './errors/graph-freed-error';
export { checkpoint } from './functional/checkpoint';
export type { CustomBackward, CustomGradSaved } from './functional/custom-grad';
export { customGrad } from './functional/custom-grad';
export type { GradOptions, GradResult, ScalarFunction } from './functional/grad';
export { grad, valueAndGrad } from './functional/grad';
export type { Pullback, PullbackOptions } from './functional/vjp';
export { vjp } from './functional/vjp';
export { enableGrad, isGradEnabled, noGrad } from './grad-mode';
export type { GradContext, GradRule, GradRuleTable, InputGradients, NonDifferentiable } from './grad-rule';
export { isNonDifferentiable, nonDifferentiable } from './grad-rule';
export type { GradcheckElement, GradcheckOptions, GradcheckResult } from './gradcheck';
export { gradcheck } from './gradcheck';
export { gradRules } from './rules';
