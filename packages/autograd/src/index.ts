// @nagare/autograd — the public surface. Everything not listed here is internal.
import { install } from './install';

// Importing the package installs the op recorder and the gradient engine (see ./install.ts). A
// call, not a bare `import './install'`: bundlers honouring "sideEffects" would drop the latter.
install();

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
export { type GradcheckAsyncOptions, gradcheckAsync } from './gradcheck-async';
export { gradRules } from './rules';
