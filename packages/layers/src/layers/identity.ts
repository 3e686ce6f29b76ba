import type { Tensor } from '@nagare/tensor';
import { Module } from '../module';

/**
 * Returns its input unchanged: a placeholder, e.g. to remove a classifier head or as an explicit
 * shortcut of a `Residual`.
 *
 * @example
 * model.registerModule('head', new Identity()); // the model now returns features
 */
export class Identity extends Module {
  forward(x: Tensor): Tensor {
    return x;
  }
}
