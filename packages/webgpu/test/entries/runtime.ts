// Page entries for the runtime tests: each returns plain data the Node-side test asserts on.
import {
  add,
  cast,
  gather,
  isNagareError,
  memory,
  mul,
  type NagareError,
  oneHot,
  scatterAdd,
  sgdUpdate,
  sub,
  tensor,
  tidy,
  zeros,
} from '@nagare/tensor';
import type { WebGPUBackend } from '@nagare/webgpu';

/** The class, code, op and message of what `fn` throws (or null when it does not throw). */
function caught(fn: () => unknown): { name: string; code?: string; op?: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!isNagareError(error)) return { name: String(error), message: String(error) };
    const { name, code, message } = error as NagareError;
    return { name, code, op: (error as unknown as { op?: string }).op, message };
  }
}

/** float64 creation and casts are refused with a typed error, and nothing is left allocated. */
export async function float64Refusal(_args: unknown, backend: WebGPUBackend) {
  const before = { ...memory(), gpu: backend.gpuMemory() };
  const x = tensor([1, 2]);
  const creation = caught(() => tensor([1, 2], { dtype: 'float64' }));
  const castTo = caught(() => cast(x, 'float64'));
  x.dispose();
  return {
    creation,
    castTo,
    supportsAdd: backend.supports('add', 'float64'),
    supportsAddFloat32: backend.supports('add', 'float32'),
    before,
    after: { ...memory(), gpu: backend.gpuMemory() },
  };
}

/** A tensor larger than the device's biggest storage buffer is refused before anything is created. */
export async function oversizedTensor(_args: unknown, backend: WebGPUBackend) {
  const before = backend.gpuMemory();
  // 2 GiB of f32: above SwiftShader's 1 GiB and most GPUs' binding limit.
  const error = caught(() => backend.allocate('float32', 2 ** 29));
  return { error, before, after: backend.gpuMemory() };
}

/** Synchronous reads throw SyncReadError naming the async call; the async ones work. */
export async function syncReads(_args: unknown, backend: WebGPUBackend) {
  const x = tensor([
    [1, 2],
    [3, 4],
  ]);
  const s = tensor(5, { dtype: 'int32' });
  const result = {
    dataSync: caught(() => x.dataSync()),
    toArray: caught(() => x.toArray()),
    item: caught(() => s.item()),
    backendRead: caught(() => backend.read(x.dataId, 'float32', 4)),
    data: Array.from(await x.data()),
    toArrayAsync: await x.toArrayAsync(),
    itemAsync: await s.itemAsync(),
    bools: await tensor([true, false, true]).toArrayAsync(),
  };
  x.dispose();
  s.dispose();
  return result;
}

/**
 * Reads are started inside the call, so disposing right after is safe; a pooled buffer reused by a
 * later write does not change what earlier, not yet submitted kernels read; reused buffers start zeroed.
 */
export async function orderingAndReuse(_args: unknown, backend: WebGPUBackend) {
  const a = tensor([1, 2, 3]);
  const pending = a.data();
  a.dispose();
  const b = tensor([7, 8, 9]); // takes a's pooled buffer
  const x = tensor([10, 20, 30]);
  const y = add(x, 1); // recorded, not yet submitted
  x.dispose();
  const z = tensor([-1, -1, -1]); // reuses x's buffer through a queue write
  const reused = backend.allocate('float32', 3);
  const zeroed = Array.from(await backend.readAsync(reused, 'float32', 3));
  backend.release(reused, 'float32', 3);
  let chain = tensor([0]);
  for (let i = 0; i < 300; i++) {
    const next = add(chain, 1); // more dispatches than one submit holds
    chain.dispose();
    chain = next;
  }
  const result = {
    readAfterDispose: Array.from(await pending),
    b: Array.from(await b.data()),
    y: Array.from(await y.data()),
    z: Array.from(await z.data()),
    zeroed,
    chain: await chain.itemAsync(),
  };
  for (const t of [b, y, z, chain]) t.dispose();
  return result;
}

/** dispose, tidy and the live-tensor counters, as on the other backends. */
export async function lifetimes(_args: unknown, backend: WebGPUBackend) {
  const start = memory();
  const x = tensor([1, 2, 3, 4]);
  const afterCreate = memory();
  const kept = tidy(() => mul(add(x, 1), sub(x, 2)));
  const afterTidy = memory();
  x.dispose();
  const values = Array.from(await kept.data());
  kept.dispose();
  return { start, afterCreate, afterTidy, end: memory(), gpu: backend.gpuMemory(), values };
}

/** A large elementwise op needs a 2-D dispatch (more than 65,535 workgroups of 64). */
export async function largeDispatch({ size }: { size: number }) {
  const x = zeros([size]);
  const y = add(x, 3);
  const values = await y.data();
  let wrong = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 3) wrong++;
  x.dispose();
  y.dispose();
  return { length: values.length, wrong };
}

/**
 * 1,000 steps of fitting w·x to a target with the fused SGD update in place: live tensors, GPU
 * buffers and bytes must be the same after the first step and after the last.
 */
export async function trainingLoop({ steps }: { steps: number }, backend: WebGPUBackend) {
  const x = tensor([0.5, 1, 2, -1]);
  const target = tensor([1.5, -2, 4, 3]);
  const w = zeros([4]);
  const samples: { step: number; tensors: number; buffers: number; bytes: number }[] = [];
  for (let step = 1; step <= steps; step++) {
    tidy(() => {
      // d/dw (w·x − t)² = 2(w·x − t)·x
      const g = mul(mul(sub(mul(w, x), target), x), 2);
      sgdUpdate(w, g, { lr: 0.05 });
    });
    if (step === 1 || step === steps) {
      const { buffers, bytes } = backend.gpuMemory();
      samples.push({ step, tensors: memory().tensors, buffers, bytes });
    }
  }
  const learned = Array.from(await w.data());
  for (const t of [x, target, w]) t.dispose();
  return { samples, learned };
}

/**
 * Index kernels bound every read and write themselves: on an async-only backend the ops do not
 * range-check index values (that would need a synchronous read), so a bad index reaches the kernel.
 */
export async function outOfRangeIndices() {
  const table = tensor([
    [1, 2],
    [3, 4],
  ]);
  const indices = tensor([1, 7, -1, -9], { dtype: 'int32' });
  const gathered = gather(table, indices);
  const scattered = scatterAdd(
    tensor([0, 0, 0]),
    tensor([0, 5, -1], { dtype: 'int32' }),
    tensor([1, 10, 100]),
  );
  const encoded = oneHot(tensor([2, 3, -4], { dtype: 'int32' }), 3);
  const result = {
    gathered: await gathered.toArrayAsync(),
    scattered: await scattered.toArrayAsync(),
    encoded: await encoded.toArrayAsync(),
  };
  for (const t of [table, indices, gathered, scattered, encoded]) t.dispose();
  return result;
}
