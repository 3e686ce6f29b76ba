import { ArgumentError } from './errors/argument-error';
import type { Tensor } from './tensor';

/** Options of `tensor.backward()`. */
export interface BackwardOptions {
  /** Keep the graph so backward can run through it again. */
  retainGraph?: boolean;
  /** Record the backward pass itself, so gradients can be differentiated again. */
  createGraph?: boolean;
}

/** A gradient hook: read `grad`, or return a tensor to replace it. */
export type GradHook = (grad: Tensor) => Tensor | undefined | void;

/** What @nagare/autograd provides to `Tensor.backward()`. */
export interface GradientEngine {
  backward(root: Tensor, gradient: Tensor | undefined, options: BackwardOptions | undefined): void;
}

let engine: GradientEngine | null = null;

/** Installs the gradient engine (called by @nagare/autograd when it is imported). */
export function setGradientEngine(value: GradientEngine | null): void {
  engine = value;
}

/** The installed gradient engine, or an error telling the user to import @nagare/autograd. */
export function getGradientEngine(op: string): GradientEngine {
  if (!engine)
    throw new ArgumentError(op, 'gradients need @nagare/autograd: import it once before calling backward()');
  return engine;
}
