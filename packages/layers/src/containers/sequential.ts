import { ArgumentError, type Tensor } from '@nagare/tensor';
import { Module } from '../module';
import { type NamedModules, namedEntries } from './named-entries';

/** A module mapping one tensor to one tensor: what `Sequential` and `Residual` chain. */
export type TensorModule = Module<[Tensor], Tensor>;

/**
 * Runs its layers one after another, each on the previous one's output. Layers are named
 * `0`, `1`, … (so parameters are `0.weight`, as in PyTorch), or by the names given to `Sequential.named`.
 *
 * @example
 * const model = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 10));
 * model.call(randn([32, 784])).shape; // [32, 10]
 */
export class Sequential extends Module {
  readonly #layers: TensorModule[] = [];
  readonly #names = new Set<string>();

  constructor(...layers: TensorModule[]) {
    super();
    for (const layer of layers) this.append(layer);
  }

  /**
   * A Sequential whose layers have the given names, in the given order (PyTorch's
   * `Sequential(OrderedDict(...))`): `[name, layer]` pairs, a Map, or an object. An object may not
   * have integer-like keys ('0', '12'): JavaScript lists those before every other key, in numeric
   * order, so the layers would not run in the order written. Give such names as pairs.
   *
   * @example
   * Sequential.named({ conv: new Conv2d(1, 8, 3), act: new ReLU() }); // conv.weight, conv.bias
   * Sequential.named([['2', new Linear(4, 8)], ['1', new ReLU()]]); // runs '2', then '1'
   */
  static named(layers: NamedModules<TensorModule>): Sequential {
    const sequential = new Sequential();
    for (const [name, layer] of namedEntries('Sequential.named', 'layer', layers))
      sequential.#add(name, layer);
    return sequential;
  }

  #add(name: string, layer: TensorModule): void {
    if (this.#names.has(name)) throw new ArgumentError('Sequential', `two layers are named "${name}"`);
    this.registerModule(name, layer);
    this.#names.add(name);
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
