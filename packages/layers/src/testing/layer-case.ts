import { randn, type Tensor, tensor } from '@nagare/tensor';
import type { AnyModule } from '../module';

/**
 * One layer to compare across backends: `build` makes it with seeded weights, `inputs` its
 * arguments (seeded, on the active backend). Float inputs get gradients; `layer` names the class.
 */
export interface LayerCase {
  layer: string;
  name: string;
  build: () => AnyModule;
  inputs: () => Tensor[];
  /** How to call the layer (default `layer.call(...inputs)`), for extra options such as lengths. */
  call?: (layer: AnyModule, inputs: Tensor[]) => unknown;
}

/** Seeded float32 normal values of `shape` on the active backend. */
export function normal(shape: readonly number[], seed: number): Tensor {
  return randn(shape, { seed });
}

/** A case of a layer that takes one float input of `shape`. */
export function simple(
  layer: string,
  build: () => AnyModule,
  shape: readonly number[],
  seed: number,
): LayerCase {
  return { layer, name: `${layer} [${shape.join(', ')}]`, build, inputs: () => [normal(shape, seed)] };
}

/** Int32 token ids on the active backend. */
export function tokens(values: number[][]): Tensor {
  return tensor(values, { dtype: 'int32' });
}
