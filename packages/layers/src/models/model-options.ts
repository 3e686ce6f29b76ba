import type { Generator } from '@nagare/tensor';
import { type ActivationName, createActivation } from '../activations/by-name';
import type { TensorModule } from '../containers/sequential';
import type { FloatDType } from '../layers/options';
import { type RandomSource, resolveGenerator } from '../random';

/** Options every zoo model takes: where its initial weights (and dropout masks) come from, and their dtype. */
export interface ModelOptions extends RandomSource {
  /** dtype of the parameters (default float32). */
  dtype?: FloatDType;
}

/** The random source and dtype to hand to every layer of a model, so one seed fixes the whole model. */
export function layerOptions(options: ModelOptions): { generator: Generator; dtype: FloatDType } {
  return { generator: resolveGenerator(options), dtype: options.dtype ?? 'float32' };
}

/** An activation by name, or a function making a fresh activation layer for each use. */
export type ActivationChoice = ActivationName | (() => TensorModule);

/** A new activation layer for `choice`. */
export function makeActivation(choice: ActivationChoice): TensorModule {
  return typeof choice === 'function' ? choice() : createActivation(choice);
}
