import { ArgumentError, reshape, Tensor, tidy } from '@nagare/tensor';
import { withGradMode } from '../grad-mode';
import type { InputGradients } from '../grad-rule';
import { recordNode } from '../recorder';

/** What a custom backward receives besides dy: the forward inputs and output. */
export interface CustomGradSaved {
  readonly inputs: readonly Tensor[];
  readonly output: Tensor;
}

/**
 * A custom backward: given dy (the output's shape), the gradient of each input, at its shape or
 * one that broadcasts to it (`null` for none). A single tensor is accepted for a single input.
 */
export type CustomBackward = (dy: Tensor, saved: CustomGradSaved) => Tensor | readonly (Tensor | null)[];

/**
 * Builds a function whose value is `forward(...xs)` and whose gradient is `backward`, instead of
 * the gradient of the ops inside forward (which are not recorded). Use it for numerically better
 * gradients, straight-through estimators or gradient clipping. Write backward with tensor ops
 * to keep it differentiable again.
 *
 * @example
 * // Straight-through estimator: round in the forward pass, identity in the backward pass.
 * const roundSte = customGrad((x: Tensor) => round(x), (dy) => dy);
 * grad((x: Tensor) => sum(roundSte(x)))(tensor([0.4, 1.6])); // [1, 1]
 */
export function customGrad<A extends Tensor[]>(
  forward: (...xs: A) => Tensor,
  backward: CustomBackward,
): (...xs: A) => Tensor {
  return (...xs: A) => {
    xs.forEach((x, i) => {
      if (!(x instanceof Tensor))
        throw new ArgumentError('customGrad', `input ${i} must be a Tensor, got ${typeof x}`);
    });
    // A fresh view, so marking the output never touches a tensor forward returned unchanged.
    const output = withGradMode(false, 'customGrad', () =>
      tidy(() => {
        const y = forward(...xs);
        if (!(y instanceof Tensor))
          throw new ArgumentError('customGrad', `forward must return a Tensor, got ${typeof y}`);
        return reshape(y, y.shape);
      }),
    );
    recordNode({
      name: 'customGrad',
      inputs: xs,
      outputs: [output],
      save: 'both',
      backward: ({ dy, inputs, outputs }) =>
        asGradients(backward(dy, { inputs, output: outputs[0] }), xs.length),
    });
    return output;
  };
}

function asGradients(result: Tensor | readonly (Tensor | null)[], count: number): InputGradients {
  const list = result instanceof Tensor ? [result] : result;
  if (!Array.isArray(list) || list.length !== count) {
    const got = Array.isArray(list) ? `${list.length} gradients` : typeof result;
    throw new ArgumentError(
      'customGrad',
      `backward must return one gradient per input (${count}), got ${got}`,
    );
  }
  return list;
}
