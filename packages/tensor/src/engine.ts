import type { Backend, DataId } from './backend';
import { createJsBackend } from './backends/js/js-backend';
import { ArgumentError } from './errors/argument-error';
import { BackendError } from './errors/backend-error';
import { DisposedTensorError } from './errors/disposed-tensor-error';
import type { OpAttrs, OpName } from './op-attrs';
import type { OpDef } from './op-registry';
import { operandError } from './operand';
import { sizeOf } from './shape';
import { checkedElementCount, getMaxElements } from './size-limit';
import { Tensor } from './tensor';
import type { DType, Shape, TypedArray } from './types';

/** One buffer, shared by every tensor that views it (reshape is free). Freed when `refs` reaches 0. */
export interface Storage {
  readonly backend: Backend;
  readonly dataId: DataId;
  readonly dtype: DType;
  readonly size: number;
  refs: number;
}

/** What the dispatcher tells a recorder (autograd) about each op it ran. */
export interface OpRecord<K extends OpName = OpName> {
  readonly op: K;
  readonly inputs: readonly Tensor[];
  readonly attrs: OpAttrs[K];
  readonly outputs: readonly Tensor[];
}

/** Called after every op whose inputs include a tensor that requires grad. */
export type OpRecorder = (record: OpRecord) => void;

const state = {
  backend: null as Backend | null,
  scopes: [] as Set<Tensor>[],
  liveTensors: 0,
  recorder: null as OpRecorder | null,
  /** Sees every op, whether or not it needs grad; set by `traceOps`. */
  tracer: null as OpRecorder | null,
};

// Safety net: a tensor that is garbage-collected without dispose() still frees its buffer.
const finalizer = new FinalizationRegistry<Storage>((storage) => {
  state.liveTensors--;
  releaseStorage(storage);
});

// Registering a handle with the FinalizationRegistry, and unregistering it on dispose, cost more
// than the rest of a small op, yet most tensors are disposed (by tidy or dispose()) in the job
// that made them. So a new handle waits in `pending`, and a microtask at the end of the job
// registers those still alive. The list holds them until then, so none is collected unregistered
// and the safety net covers every tensor as before; a dropped handle just lives to the end of its
// job, as its buffer did anyway (finalizers only run between jobs). A list (not a set) makes the
// common path a push and a flag; disposed entries are swept out when they pile up, so a long
// synchronous loop does not grow it.
const pending: Tensor[] = [];
let pendingDisposed = 0;
let isRegistrationQueued = false;
const SWEEP_AT = 256;

function registerAtEndOfJob(tensor: Tensor): void {
  pending.push(tensor);
  if (isRegistrationQueued) return;
  isRegistrationQueued = true;
  queueMicrotask(registerSurvivors);
}

function registerSurvivors(): void {
  isRegistrationQueued = false;
  for (const tensor of pending) {
    if (tensor.isDisposed) continue;
    finalizer.register(tensor, tensor.storage, tensor);
    tensor.isFinalizerRegistered = true;
  }
  pending.length = 0;
  pendingDisposed = 0;
}

function sweepPending(): void {
  let kept = 0;
  for (const tensor of pending) if (!tensor.isDisposed) pending[kept++] = tensor;
  pending.length = kept;
  pendingDisposed = 0;
}

/** Installs `backend` for every op that creates tensors from now on. */
export function useBackend(backend: Backend): void {
  state.backend = backend;
}

/** The active backend. The pure-TypeScript `js` backend is active until another is installed. */
export function getBackend(): Backend {
  state.backend ??= createJsBackend();
  return state.backend;
}

/** Installs the op recorder (autograd does this); `null` removes it. */
export function setOpRecorder(recorder: OpRecorder | null): void {
  state.recorder = recorder;
}

/**
 * Runs `fn` and calls `onOp` after every primitive op it dispatches — unlike the autograd recorder,
 * whether or not an input requires grad — with the op's name, inputs, attributes and outputs. The
 * recorder (autograd) keeps working unchanged; traces nest (an inner trace's ops reach both).
 * Exporters (ONNX) use it to capture a forward pass; `runInPlace` updates are not reported.
 *
 * @example
 * const ops: string[] = [];
 * traceOps(() => relu(matmul(x, w)), (record) => ops.push(record.op)); // ops: ['matmul', 'relu']
 */
export function traceOps<T>(fn: () => T, onOp: OpRecorder): T {
  const outer = state.tracer;
  state.tracer = outer
    ? (record) => {
        outer(record);
        onOp(record);
      }
    : onOp;
  try {
    return fn();
  } finally {
    state.tracer = outer;
  }
}

/**
 * Live tensor handles (on every backend), and the bytes and name of the active backend.
 *
 * @example
 * const before = memory().tensors;
 * trainStep();
 * console.assert(memory().tensors === before); // nothing leaked
 */
export function memory(): { tensors: number; bytes: number; backend: string; highWater?: number } {
  const backend = getBackend();
  return { tensors: state.liveTensors, backend: backend.name, ...backend.memory() };
}

function retainStorage(storage: Storage): void {
  storage.refs++;
}

function releaseStorage(storage: Storage): void {
  if (--storage.refs === 0) storage.backend.release(storage.dataId, storage.dtype, storage.size);
}

/** Wraps a storage in a new tensor handle, tracked by the innermost `tidy`. */
export function wrapStorage(storage: Storage, shape: Shape, dtype: DType, isTracked = true): Tensor {
  const tensor = new Tensor(shape, dtype, storage);
  state.liveTensors++;
  registerAtEndOfJob(tensor);
  if (isTracked && state.scopes.length > 0) {
    const scope = state.scopes[state.scopes.length - 1];
    scope.add(tensor);
    tensor.tidyScope = scope;
  }
  return tensor;
}

/** Frees a tensor handle; its buffer goes when no other handle shares it. Idempotent. */
export function disposeTensor(tensor: Tensor): void {
  if (tensor.isDisposed) return;
  tensor.markDisposed();
  if (tensor.isFinalizerRegistered) finalizer.unregister(tensor);
  else if (++pendingDisposed >= SWEEP_AT && pendingDisposed * 2 >= pending.length) sweepPending();
  state.liveTensors--;
  leaveScope(tensor);
  releaseStorage(tensor.storage);
}

/** Allocates a new tensor holding `values` (already converted to `dtype`'s array type). */
export function fromValues(values: TypedArray, shape: Shape, dtype: DType, backend = getBackend()): Tensor {
  const size = checkedElementCount('tensor', shape);
  const dataId = backend.allocate(dtype, size);
  if (size > 0) backend.write(dataId, values);
  return wrapStorage({ backend, dataId, dtype, size, refs: 1 }, shape, dtype);
}

/**
 * A new handle to the same buffer, not owned by any `tidy` scope (unless `isTracked`): it lives
 * until disposed. Autograd uses it to keep tensors saved for the backward pass.
 */
export function shareData(tensor: Tensor, shape: Shape = tensor.shape, isTracked = false): Tensor {
  if (tensor.isDisposed) throw new DisposedTensorError('shareData', 'the tensor');
  retainStorage(tensor.storage);
  return wrapStorage(tensor.storage, shape, tensor.dtype, isTracked);
}

/**
 * True when the innermost `tidy` owns `tensor` (it was made inside and not kept) and no other
 * handle shares its buffer: nothing else can see its values, so `keep(tensor)` may adopt it where
 * a copy would otherwise be made. Autograd uses it to store a fresh gradient as `.grad` as is.
 *
 * @example
 * tidy(() => { const g = x.mul(2); return isAdoptable(g); }); // true
 */
export function isAdoptable(tensor: Tensor): boolean {
  return (
    !tensor.isDisposed &&
    state.scopes.length > 0 &&
    tensor.tidyScope === state.scopes[state.scopes.length - 1] &&
    tensor.storage.refs === 1
  );
}

/** Removes `tensor` from every enclosing `tidy` scope so it outlives them. Returns it. */
export function keep<T extends Tensor>(tensor: T): T {
  leaveScope(tensor);
  return tensor;
}

/** Takes `tensor` out of the `tidy` scope that owns it (a tensor is in one scope at most). */
function leaveScope(tensor: Tensor): void {
  if (tensor.tidyScope === null) return;
  tensor.tidyScope.delete(tensor);
  tensor.tidyScope = null;
}

/** Disposes every tensor of a finished scope except `kept` (a set of tensors, or one tensor). */
function disposeScope(scope: Set<Tensor>, kept: ReadonlySet<Tensor> | Tensor | null): void {
  for (const tensor of scope) {
    if (kept !== null && (kept instanceof Tensor ? kept === tensor : kept.has(tensor))) continue;
    // The scope is dropped whole: no need to delete each tensor from it.
    tensor.tidyScope = null;
    disposeTensor(tensor);
  }
}

/**
 * Runs `fn` and disposes every tensor it created except those it returns (a tensor, or tensors
 * inside arrays and plain objects). Returned tensors belong to the enclosing scope.
 *
 * @example
 * const y = tidy(() => x.mul(2).add(1)); // the intermediate x*2 is freed
 */
export function tidy<T>(fn: () => T): T {
  const scope = new Set<Tensor>();
  state.scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (error) {
    // A failed step must not leak what it allocated before throwing.
    disposeScope(scope, null);
    throw error;
  } finally {
    state.scopes.pop();
  }
  if (result instanceof Promise) {
    disposeScope(scope, null);
    throw new ArgumentError(
      'tidy',
      'the function must not be async (tensors created after an await escape the scope)',
    );
  }
  // A step that returns nothing or a number (the usual training loop) needs no kept set.
  if (result === null || typeof result !== 'object') {
    disposeScope(scope, null);
    return result;
  }
  const parent = state.scopes.length > 0 ? state.scopes[state.scopes.length - 1] : null;
  // One returned tensor (a layer's forward) needs no sets to find what to keep.
  if (result instanceof Tensor) {
    disposeScope(scope, result);
    if (result.tidyScope === scope) adoptInto(parent, result);
    return result;
  }
  const kept = new Set<Tensor>();
  collectTensors(result, kept);
  disposeScope(scope, kept);
  for (const tensor of kept) if (tensor.tidyScope === scope) adoptInto(parent, tensor);
  return result;
}

/** Moves a tensor returned from a finished scope into the enclosing one (or none). */
function adoptInto(parent: Set<Tensor> | null, tensor: Tensor): void {
  tensor.tidyScope = parent;
  parent?.add(tensor);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function collectTensors(value: unknown, into: Set<Tensor>, seen = new Set<object>()): void {
  if (value instanceof Tensor) into.add(value);
  else if (value && typeof value === 'object' && !seen.has(value)) {
    // `seen` stops at cycles (a result object that refers back to itself).
    seen.add(value);
    if (Array.isArray(value)) for (const item of value) collectTensors(item, into, seen);
    else if (isPlainObject(value)) for (const item of Object.values(value)) collectTensors(item, into, seen);
  }
}

/**
 * The one dispatch point: every primitive op runs through here. Checks the inputs are alive and on
 * one backend, infers outputs (the op's validation), runs the backend kernel (or shares the buffer
 * for a view op) and tells the recorder.
 */
export function runOp<K extends OpName>(
  def: OpDef<K>,
  inputs: readonly Tensor[],
  attrs: OpAttrs[K],
): Tensor[] {
  // `?.` so a non-tensor first input reaches the operand check below instead of a TypeError here.
  const backend = inputs.length ? inputs[0]?.storage?.backend : getBackend();
  let needsRecord = false;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    // `checkTensor`'s test, inlined on the hot path: only a live tensor's isDisposed is `false`.
    if (input?.isDisposed !== false) throw operandError(def.name, def.inputs[i] ?? `input ${i}`, input);
    if (input.storage.backend !== backend) {
      throw new BackendError(
        def.name,
        `inputs live on different backends (${def.inputs[0]}: ${backend.name}, ${def.inputs[i]}: ${input.storage.backend.name})`,
      );
    }
    if (input.requiresGrad) needsRecord = true;
  }
  const specs = def.infer(inputs, attrs);
  // Plain loops rather than map/some closures: this is the hot path of every op.
  const outputs: Tensor[] = new Array(specs.length);
  if (def.isView) {
    for (let i = 0; i < specs.length; i++) {
      retainStorage(inputs[0].storage);
      outputs[i] = wrapStorage(inputs[0].storage, specs[i].shape, specs[i].dtype);
    }
  } else {
    let hasElements = false;
    for (let i = 0; i < specs.length; i++) {
      const { shape, dtype } = specs[i];
      const size = sizeOf(shape);
      // Checked before anything is allocated: sizes can come from file data (Expand, Pad, Range…).
      if (size > getMaxElements()) checkedElementCount(def.name, shape);
      const dataId = backend.allocate(dtype, size);
      outputs[i] = wrapStorage({ backend, dataId, dtype, size, refs: 1 }, shape, dtype);
      if (size > 0) hasElements = true;
    }
    if (hasElements) {
      try {
        // A tensor is its own kernel view (dataId, shape, dtype, size): no per-op view objects.
        backend.runKernel(def.name, inputs, attrs, outputs);
      } catch (error) {
        // e.g. UnsupportedOpError: free the outputs allocated for a kernel that never ran.
        for (const output of outputs) disposeTensor(output);
        throw error;
      }
    }
  }
  if ((needsRecord && state.recorder) || state.tracer) {
    const record: OpRecord = { op: def.name, inputs, attrs, outputs };
    if (needsRecord) state.recorder?.(record);
    state.tracer?.(record);
  }
  return outputs;
}

/**
 * Runs `def`'s kernel writing into existing tensors (`targets`) instead of new ones: the in-place
 * path optimizers use so a training step allocates nothing per parameter. Not recorded by
 * autograd. `infer` must give each target's own shape and dtype.
 */
export function runInPlace<K extends OpName>(
  def: OpDef<K>,
  inputs: readonly Tensor[],
  attrs: OpAttrs[K],
  targets: readonly Tensor[],
): void {
  const backend = (inputs[0] ?? targets[0])?.storage?.backend;
  const count = inputs.length + targets.length;
  let hasElements = false;
  for (let i = 0; i < count; i++) {
    const t = i < inputs.length ? inputs[i] : targets[i - inputs.length];
    if (t?.isDisposed !== false) {
      const name = i < inputs.length ? (def.inputs[i] ?? `input ${i}`) : `target ${i - inputs.length}`;
      throw operandError(def.name, name, t);
    }
    if (t.storage.backend !== backend) throw new BackendError(def.name, 'tensors live on different backends');
  }
  const specs = def.infer(inputs, attrs);
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const target = targets[i];
    if (!target || spec.dtype !== target.dtype || sizeOf(spec.shape) !== target.size) {
      throw new BackendError(def.name, `in-place target ${i} does not match the op's output`);
    }
  }
  for (let i = 0; i < targets.length; i++) if (targets[i].size > 0) hasElements = true;
  if (hasElements) backend.runKernel(def.name, inputs, attrs, targets);
}

/** Reads a tensor's values synchronously as its dtype's typed array (a copy). */
export function readValues(tensor: Tensor, op = 'dataSync'): TypedArray {
  if (tensor.isDisposed) throw new DisposedTensorError(op, 'the tensor');
  const { backend, dataId, dtype, size } = tensor.storage;
  return backend.read(dataId, dtype, size);
}
