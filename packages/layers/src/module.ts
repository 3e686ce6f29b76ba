import { ArgumentError, keep, type Tensor } from '@nagare/tensor';
import {
  checkChildModule,
  checkMemberName,
  checkMemberTensor,
  checkParameterTensor,
  type MemberKind,
} from './module-checks';
import { collectNamed, walkModules } from './module-tree';
import {
  type LoadStateDictOptions,
  type LoadStateDictResult,
  loadStateDict,
  type StateDict,
  stateDict,
} from './state-dict';
import { formatModuleTable } from './summary';

/** Any module, whatever its forward signature: the type of children and of `apply`'s callback. */
export type AnyModule = Module<unknown[], unknown>;

/** Called after a module's forward with its inputs and output; see `registerForwardHook`. */
export type ForwardHook = (module: AnyModule, inputs: readonly unknown[], output: unknown) => void;

/** Options of `Module.namedParameters` and friends. */
export interface NamedOptions {
  /** Prepended (with a dot) to every name. */
  prefix?: string;
  /** Include the tensors of child modules (default true). */
  recurse?: boolean;
}

/**
 * The base class of every layer and model, named and behaving like PyTorch's `torch.nn.Module`.
 *
 * A module registers its parameters (leaf tensors that require grad), buffers (state that is
 * saved but not trained, like BatchNorm's running mean) and child modules by name; names nest
 * with dots (`features.0.weight`), exactly as in PyTorch, so state dicts translate one to one.
 * Subclasses implement `forward`; users run a module with `call`, which runs `forward` and then
 * the forward hooks (used by `summary`). Registered tensors outlive any `tidy` scope and are freed
 * by `dispose()`.
 *
 * @example
 * class TwoLayer extends Module {
 *   fc1 = this.registerModule('fc1', new Linear(4, 8));
 *   fc2 = this.registerModule('fc2', new Linear(8, 2));
 *   forward(x: Tensor) { return this.fc2.call(relu(this.fc1.call(x))); }
 * }
 * const y = new TwoLayer().call(randn([3, 4])); // shape [3, 2]
 */
export abstract class Module<In extends unknown[] = [Tensor], Out = Tensor> {
  /** True in training mode (the default); `eval()` clears it. Dropout and BatchNorm read it. */
  training = true;
  readonly #parameters = new Map<string, Tensor>();
  readonly #buffers = new Map<string, Tensor>();
  readonly #transientBuffers = new Set<string>();
  readonly #children = new Map<string, AnyModule>();
  readonly #forwardHooks: ForwardHook[] = [];

  /** The computation. Run a module with `call` (which also runs the hooks), not `forward`. */
  abstract forward(...inputs: In): Out;

  /** Runs the module: `forward(...inputs)`, then each forward hook. */
  call(...inputs: In): Out {
    const output = this.forward(...inputs);
    for (const hook of this.#forwardHooks) hook(this as AnyModule, inputs, output);
    return output;
  }

  #checkName(op: string, name: string, kind: MemberKind): void {
    checkMemberName(op, name, kind, {
      parameter: this.#parameters.has(name),
      buffer: this.#buffers.has(name),
      module: this.#children.has(name),
    });
  }

  /**
   * Registers (or replaces) the parameter `name`: a float leaf tensor, marked `requiresGrad` and
   * kept out of every `tidy` scope. Returns it, so a field can be initialized in one line.
   *
   * @example
   * this.weight = this.registerParameter('weight', zeros([out, inp]));
   */
  registerParameter(name: string, tensor: Tensor): Tensor {
    this.#checkName('registerParameter', name, 'parameter');
    checkParameterTensor(name, tensor);
    tensor.requiresGrad = true;
    this.#parameters.set(name, keep(tensor));
    return tensor;
  }

  /**
   * Registers (or replaces) the buffer `name`: module state that is not trained. Persistent
   * buffers (the default) are part of the state dict. Returns the tensor.
   *
   * @example
   * this.runningMean = this.registerBuffer('running_mean', zeros([channels]));
   */
  registerBuffer(name: string, tensor: Tensor, options: { persistent?: boolean } = {}): Tensor {
    this.#checkName('registerBuffer', name, 'buffer');
    checkMemberTensor('registerBuffer', name, tensor);
    this.#buffers.set(name, keep(tensor));
    if (options.persistent === false) this.#transientBuffers.add(name);
    else this.#transientBuffers.delete(name);
    return tensor;
  }

  /**
   * Registers (or replaces) the child module `name`; its parameters appear as `name.*`.
   * Returns the module.
   *
   * @example
   * this.head = this.registerModule('head', new Linear(512, 10));
   */
  registerModule<M extends AnyModule>(name: string, module: M): M {
    this.#checkName('registerModule', name, 'module');
    checkChildModule(name, module);
    if (module === (this as AnyModule))
      throw new ArgumentError('registerModule', `"${name}": a module cannot contain itself`);
    this.#children.set(name, module);
    return module;
  }

  /** Removes the child module `name` (if any) and returns it; its tensors are not freed. */
  protected unregisterModule(name: string): AnyModule | undefined {
    const module = this.#children.get(name);
    this.#children.delete(name);
    return module;
  }

  /** Every (dotted name, parameter) pair, children after their parent; shared tensors appear once. */
  namedParameters(options: NamedOptions = {}): [string, Tensor][] {
    return this.#collect(options, (module) => module.#parameters);
  }

  /** Every parameter (see `namedParameters`). */
  parameters(options: NamedOptions = {}): Tensor[] {
    return this.namedParameters(options).map(([, tensor]) => tensor);
  }

  /** Every (dotted name, buffer) pair, persistent or not; shared tensors appear once. */
  namedBuffers(options: NamedOptions = {}): [string, Tensor][] {
    return this.#collect(options, (module) => module.#buffers);
  }

  /** Every buffer (see `namedBuffers`). */
  buffers(options: NamedOptions = {}): Tensor[] {
    return this.namedBuffers(options).map(([, tensor]) => tensor);
  }

  /** True when the buffer `name` of this module is saved in state dicts. */
  isPersistentBuffer(name: string): boolean {
    return this.#buffers.has(name) && !this.#transientBuffers.has(name);
  }

  #collect(
    { prefix = '', recurse = true }: NamedOptions,
    members: (module: AnyModule) => Map<string, Tensor>,
  ): [string, Tensor][] {
    const modules = recurse ? this.namedModules({ prefix }) : [[prefix, this as AnyModule] as const];
    return collectNamed(modules, members);
  }

  /** The direct children with their names, in registration order. */
  namedChildren(): [string, AnyModule][] {
    return [...this.#children];
  }

  /** The direct children, in registration order. */
  children(): AnyModule[] {
    return [...this.#children.values()];
  }

  /** This module (named `prefix`, '' by default) and every descendant, parents first; each once. */
  namedModules(options: { prefix?: string } = {}): [string, AnyModule][] {
    return walkModules(this as AnyModule, options.prefix ?? '');
  }

  /** This module and every descendant (see `namedModules`). */
  modules(): AnyModule[] {
    return this.namedModules().map(([, module]) => module);
  }

  /** Sets training mode (`true`, the default) or evaluation mode on this module and every descendant. */
  train(mode = true): this {
    for (const module of this.modules()) module.training = mode;
    return this;
  }

  /** Evaluation mode: dropout is off and BatchNorm uses its running statistics. Same as `train(false)`. */
  eval(): this {
    return this.train(false);
  }

  /** Freezes (`false`) or unfreezes every parameter: frozen ones get no gradient. */
  requiresGrad_(value = true): this {
    for (const parameter of this.parameters()) parameter.requiresGrad = value;
    return this;
  }

  /** Frees and clears every parameter's `.grad` (PyTorch's `set_to_none` behaviour). */
  zeroGrad(): void {
    for (const parameter of this.parameters()) parameter.zeroGrad();
  }

  /**
   * Calls `fn` on every descendant and then on this module (children first, as PyTorch), e.g. to
   * re-initialize weights. Returns this module.
   *
   * @example
   * model.apply((m) => { if (m instanceof Linear) init.xavierUniform(m.weight); });
   */
  apply(fn: (module: AnyModule) => void): this {
    for (const child of this.#children.values()) child.apply(fn);
    fn(this as AnyModule);
    return this;
  }

  /** Number of parameter elements (each shared tensor once); `trainableOnly` skips frozen ones. */
  numParameters(options: { trainableOnly?: boolean } = {}): number {
    return this.parameters()
      .filter((p) => !options.trainableOnly || p.requiresGrad)
      .reduce((total, p) => total + p.size, 0);
  }

  /**
   * Registers `hook`, called after every `call` of this module with its inputs and output.
   * Returns a function that removes it.
   */
  registerForwardHook(hook: ForwardHook): () => void {
    this.#forwardHooks.push(hook);
    return () => {
      const index = this.#forwardHooks.indexOf(hook);
      if (index >= 0) this.#forwardHooks.splice(index, 1);
    };
  }

  /**
   * Every parameter and persistent buffer by dotted name (the module's own tensors, not copies:
   * clone them to snapshot, never dispose them). Tied tensors appear under each name, as PyTorch.
   *
   * @example
   * const saved = model.stateDict(); // { 'fc1.weight': Tensor, 'fc1.bias': Tensor, ... }
   */
  stateDict(): StateDict {
    return stateDict(this as AnyModule);
  }

  /**
   * Copies a state dict's values into this module's tensors in place (so optimizers holding them
   * see the new values). Shapes must match; with `strict` (the default) the keys must match
   * exactly. Nothing is copied unless everything fits; a `StateDictError` lists every problem.
   *
   * @example
   * model.loadStateDict(saved);                                // exact match
   * model.loadStateDict(backbone, { strict: false }).missingKeys; // e.g. ['head.weight', ...]
   */
  loadStateDict(
    dict: StateDict | ReadonlyMap<string, Tensor>,
    options: LoadStateDictOptions = {},
  ): LoadStateDictResult {
    return loadStateDict(this as AnyModule, dict, options);
  }

  /** The layer's configuration for listings, e.g. `inFeatures=4, outFeatures=2, bias=true`. */
  extraRepr(): string {
    return '';
  }

  /** A table of every module (name, type and configuration) with its parameter count and the totals. */
  toString(): string {
    return formatModuleTable(this as AnyModule);
  }

  /** Frees every parameter (and its gradient) and buffer of this module and its descendants. */
  dispose(): void {
    for (const parameter of this.parameters()) {
      parameter.zeroGrad();
      parameter.dispose();
    }
    for (const buffer of this.buffers()) buffer.dispose();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
