import { ArgumentError } from '@nagare/tensor';
import { type AnyModule, Module } from '../module';
import { type NamedModules, namedEntries } from './named-entries';

/**
 * Modules by name, registered so their parameters appear as `name.*`, e.g. one head per task.
 * It has no forward of its own. Modules keep the order they are given in: pass `[name, module]`
 * pairs, a Map, or an object. An object may not have integer-like keys ('0', '12'), because
 * JavaScript itself lists those first in numeric order, whatever order they were written in; give
 * such names as pairs or a Map (an ArgumentError says so).
 *
 * @example
 * const heads = new ModuleDict({ digits: new Linear(64, 10), parity: new Linear(64, 2) });
 * heads.get('digits').call(features);
 * new ModuleDict([['10', new Linear(4, 2)], ['2', new Linear(4, 2)]]); // 10.weight comes first
 */
export class ModuleDict<M extends AnyModule = AnyModule> extends Module<[], never> {
  readonly #items = new Map<string, M>();

  constructor(modules: NamedModules<M> = []) {
    super();
    for (const [name, module] of namedEntries('ModuleDict', 'module', modules)) {
      if (this.#items.has(name)) throw new ArgumentError('ModuleDict', `two modules are named "${name}"`);
      this.set(name, module);
    }
  }

  /** Adds or replaces the module `name`. Returns this. */
  set(name: string, module: M): this {
    this.registerModule(name, module);
    this.#items.set(name, module);
    return this;
  }

  /** The module `name`; throws an ArgumentError naming the known keys when there is none. */
  get(name: string): M {
    const module = this.#items.get(name);
    if (!module)
      throw new ArgumentError(
        'ModuleDict.get',
        `no module "${name}" (keys: ${[...this.#items.keys()].join(', ')})`,
      );
    return module;
  }

  /** True when a module is registered under `name`. */
  has(name: string): boolean {
    return this.#items.has(name);
  }

  /** Removes the module `name` and returns it (its tensors are not freed). */
  delete(name: string): M | undefined {
    const module = this.#items.get(name);
    this.#items.delete(name);
    this.unregisterModule(name);
    return module;
  }

  /** Number of modules. */
  get size(): number {
    return this.#items.size;
  }

  /** The names, in insertion order. */
  keys(): string[] {
    return [...this.#items.keys()];
  }

  /** The modules, in insertion order. */
  values(): M[] {
    return [...this.#items.values()];
  }

  /** The (name, module) pairs, in insertion order. */
  entries(): [string, M][] {
    return [...this.#items.entries()];
  }

  [Symbol.iterator](): Iterator<[string, M]> {
    return this.#items[Symbol.iterator]();
  }

  /** A ModuleDict is a container, not a layer: get its modules and call them. */
  forward(): never {
    throw new ArgumentError('ModuleDict', 'a ModuleDict has no forward: get its modules and call them');
  }
}
