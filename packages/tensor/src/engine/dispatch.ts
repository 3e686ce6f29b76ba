import { BackendError } from '../errors/backend-error';
import type { DataId } from '../backend';
import type { OpAttrs, OpName } from '../op-attrs';
import type { OpDef } from '../op-registry';
import { operandError } from '../operand';
import { sizeOf } from '../shape';
import { checkedElementCount, getMaxElements } from '../size-limit';
import type { Tensor } from '../tensor';
import { getBackend } from './active-backend';
import { wrapStorage } from './handles';
import { disposeTensor } from './lifetime';
import { retainStorage } from './storage';

/** What the dispatcher tells a recorder (autograd) about each op it ran. */
export interface OpRecord<K extends OpName = OpName> {
  readonly op: K;
  readonly inputs: readonly Tensor[];
  readonly attrs: OpAttrs[K];
  readonly outputs: readonly Tensor[];
}

/** Called after every op whose inputs include a tensor that requires grad. */
export type OpRecorder = (record: OpRecord) => void;

let recorder: OpRecorder | null = null;
/** Sees every op, whether or not it needs grad; set by `traceOps`. */
let tracer: OpRecorder | null = null;

/** Installs the op recorder (autograd does this); `null` removes it. */
export function setOpRecorder(next: OpRecorder | null): void {
  recorder = next;
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
  const outer = tracer;
  tracer = outer
    ? (record) => {
        outer(record);
        onOp(record);
      }
    : onOp;
  try {
    return fn();
  } finally {
    tracer = outer;
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
      let dataId: DataId;
      try {
        dataId = backend.allocate(dtype, size, def.name);
      } catch (error) {
        // e.g. a dtype the backend cannot hold: free this op's outputs allocated before it.
        for (let j = 0; j < i; j++) disposeTensor(outputs[j]);
        throw error;
      }
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
  if ((needsRecord && recorder) || tracer) {
    const record: OpRecord = { op: def.name, inputs, attrs, outputs };
    if (needsRecord) recorder?.(record);
    tracer?.(record);
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
