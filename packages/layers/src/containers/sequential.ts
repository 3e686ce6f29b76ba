import { ArgumentError, type Tensor } from '@nagare/tensor';
import { Module } from '../module';

/** A module mapping one tensor to one tensor: what `Sequential` and `Residual` chain. */
export type TensorModule = Module<[Tensor], Tensor>;

/**
 * Runs its layers one after another, each on the previous one's output. Layers are named
 * `0`, `1`, … (so parameters are `0.weight`, as in PyTorch), or by the keys of `Sequential.named`.
 *
 * @example
 * const model = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 10));
 * model.call(randn([32, 784])).shape; // [32, 10]
 */
export class Sequential extends Module {
  readonly #layers: TensorModule[] = [];

  constructor(...layers: TensorModule[]) {
    super();
    for (const layer of layers) this.append(layer);
  }

  /**
   * A Sequential whose layers have the given names (PyTorch's `Sequential(OrderedDict(...))`).
   *
   * @example
   * Sequential.named({ conv: new Conv2d(1, 8, 3), act: new ReLU() }); // conv.weight, conv.bias
   */
  static named(layers: Record<string, TensorModule>): Sequential {
    const sequential = new Sequential();
    for (const [name, layer] of Object.entries(layers)) sequential.#add(name, layer);
    return sequential;
  }

  #add(name: string, layer: TensorModule): void {
    this.registerModule(name, layer);
    this.#layers.push(layer);
  }

  /** Adds `layer` at the end, named by its position. Returns this. */
  append(layer: TensorModule): this {
    this.#add(String(this.#layers.length), layer);
    return this;
  }

  /** Number of layers. */
  get length(): number {
    return this.#layers.length;
  }

  /** The layer at `index` (negative counts from the end). */
  at(index: number): TensorModule {
    const layer = this.#layers.at(index);
    if (!Number.isInteger(index) || !layer) {
      throw new ArgumentError(
        'Sequential.at',
        `index ${index} is out of range for ${this.#layers.length} layers`,
      );
    }
    return layer;
  }

  [Symbol.iterator](): Iterator<TensorModule> {
    return this.#layers[Symbol.iterator]();
  }

  forward(x: Tensor): Tensor {
    let y = x;
    for (const layer of this.#layers) y = layer.call(y);
    return y;
  }
}
