import { ArgumentError } from '@nagare/tensor';
import { type AnyModule, Module } from '../module';

/**
 * A list of modules whose parameters are registered (named `0`, `1`, …), for models that loop over
 * their layers themselves, e.g. a stack of RNN cells. It has no forward of its own.
 *
 * @example
 * const blocks = new ModuleList([new Linear(8, 8), new Linear(8, 8)]);
 * for (const block of blocks) x = relu(block.call(x));
 */
export class ModuleList<M extends AnyModule = AnyModule> extends Module<[], never> {
  readonly #items: M[] = [];

  constructor(modules: Iterable<M> = []) {
    super();
    for (const module of modules) this.append(module);
  }

  /** Adds `module` at the end. Returns this. */
  append(module: M): this {
    this.registerModule(String(this.#items.length), module);
    this.#items.push(module);
    return this;
  }

  /** Adds every module of `modules` at the end. Returns this. */
  extend(modules: Iterable<M>): this {
    for (const module of modules) this.append(module);
    return this;
  }

  /** Number of modules. */
  get length(): number {
    return this.#items.length;
  }

  /** The module at `index` (negative counts from the end). */
  at(index: number): M {
    const module = this.#items.at(index);
    if (!Number.isInteger(index) || !module) {
      throw new ArgumentError(
        'ModuleList.at',
        `index ${index} is out of range for ${this.#items.length} modules`,
      );
    }
    return module;
  }

  [Symbol.iterator](): Iterator<M> {
    return this.#items[Symbol.iterator]();
  }

  /** A ModuleList is a container, not a layer: iterate over it and call its modules. */
  forward(): never {
    throw new ArgumentError(
      'ModuleList',
      'a ModuleList has no forward: iterate over it and call its modules',
    );
  }
}
