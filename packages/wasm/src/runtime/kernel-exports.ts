// The functions the kernel module exports (assembly/index.ts). Pointers are byte offsets into the
// heap. Partitioned kernels take the range [begin, end) first, so the thread pool can call any of
// them the same way; kernels that need per-thread scratch memory take its address third.

type Range = [begin: number, end: number];

export interface KernelExports {
  heapBase(): number;
  gemmScratchBytes(): number;
  unaryF32(...args: [...Range, op: number, x: number, y: number]): void;
  unaryF64(...args: [...Range, op: number, x: number, y: number]): void;
  unaryI32(...args: [...Range, op: number, x: number, y: number]): void;
  unaryToBool(...args: [...Range, op: number, dtype: number, x: number, y: number]): void;
  cast(...args: [...Range, from: number, to: number, x: number, y: number]): void;
  clip(...args: [...Range, dtype: number, x: number, y: number, min: number, max: number]): void;
  binaryRun(dtype: number, op: number, mode: number, a: number, b: number, y: number, n: number): void;
  binaryFlat(
    ...args: [...Range, dtype: number, op: number, mode: number, a: number, b: number, y: number]
  ): void;
  binaryStrided(
    ...args: [...Range, dtype: number, op: number, a: number, b: number, y: number, params: number]
  ): void;
  whereStrided(
    ...args: [...Range, bytes: number, c: number, a: number, b: number, y: number, params: number]
  ): void;
  reduceF32(
    ...args: [...Range, scratch: number, op: number, x: number, y: number, n: number, inner: number]
  ): void;
  reduceScalar(
    ...args: [...Range, dtype: number, op: number, x: number, y: number, n: number, inner: number]
  ): void;
  argReduce(
    ...args: [
      ...Range,
      dtype: number,
      isMax: number,
      selectLast: number,
      x: number,
      y: number,
      n: number,
      inner: number,
    ]
  ): void;
  cumsum(
    ...args: [
      ...Range,
      scratch: number,
      dtype: number,
      exclusive: number,
      reverse: number,
      x: number,
      y: number,
      n: number,
      inner: number,
    ]
  ): void;
  topk(
    ...args: [
      ...Range,
      scratch: number,
      dtype: number,
      largest: number,
      x: number,
      values: number,
      indices: number,
      n: number,
      inner: number,
      k: number,
    ]
  ): void;
  softmax(
    ...args: [...Range, dtype: number, isLog: number, x: number, y: number, n: number, inner: number]
  ): void;
  stridedCopy(...args: [...Range, bytes: number, x: number, y: number, params: number]): void;
  copyRows(
    ...args: [...Range, x: number, sourcePitch: number, y: number, targetPitch: number, rowBytes: number]
  ): void;
  padMapped(...args: [...Range, dtype: number, x: number, y: number, value: number, params: number]): void;
  gatherRows(
    ...args: [
      ...Range,
      bytes: number,
      x: number,
      indices: number,
      y: number,
      length: number,
      count: number,
      inner: number,
    ]
  ): void;
  scatterAddRows(
    ...args: [
      ...Range,
      dtype: number,
      x: number,
      indices: number,
      updates: number,
      y: number,
      length: number,
      count: number,
      inner: number,
    ]
  ): void;
  oneHotRows(...args: [...Range, indices: number, y: number, depth: number]): void;
  gemm(...args: [...Range, scratch: number, params: number]): void;
  conv2dBackpropInput(...args: [...Range, scratch: number, conv: number]): void;
  conv2dF64(...args: [...Range, mode: number, conv: number]): void;
  conv2dPanels(...args: [...Range, scratch: number, params: number]): void;
  convPanelsScratchBytes(params: number): number;
  conv2dFilterSlices(
    ...args: [...Range, scratch: number, conv: number, partials: number, perSlice: number]
  ): void;
  conv2dFilterDirect(
    ...args: [...Range, scratch: number, params: number, partials: number, perSlice: number, batch: number]
  ): void;
  convFilterScratchBytes(params: number): number;
  sumSlices(...args: [...Range, target: number, partials: number, count: number, size: number]): void;
  maxPool2d(...args: [...Range, dtype: number, params: number, x: number, y: number, indices: number]): void;
  avgPool2x2F32(...args: [...Range, isBackward: number, params: number, x: number, y: number]): void;
  maxPool2x2F32(...args: [...Range, params: number, x: number, y: number, indices: number]): void;
  maxPool2dBackward(
    ...args: [
      ...Range,
      dtype: number,
      planeIn: number,
      planeOut: number,
      dy: number,
      indices: number,
      dx: number,
    ]
  ): void;
  avgPool2d(
    ...args: [...Range, dtype: number, isBackward: number, params: number, x: number, y: number]
  ): void;
  optimizerUpdate(...args: [...Range, kind: number, dtype: number, params: number]): void;
  matmulScalar(
    ...args: [
      ...Range,
      dtype: number,
      transA: number,
      transB: number,
      a: number,
      b: number,
      c: number,
      m: number,
      n: number,
      k: number,
    ]
  ): void;
}

/** Kernels the thread pool may split: each takes [begin, end) first. */
export const TASKS = [
  'unaryF32',
  'unaryF64',
  'unaryI32',
  'unaryToBool',
  'cast',
  'clip',
  'binaryFlat',
  'binaryStrided',
  'whereStrided',
  'reduceF32',
  'reduceScalar',
  'argReduce',
  'cumsum',
  'topk',
  'softmax',
  'stridedCopy',
  'copyRows',
  'padMapped',
  'gatherRows',
  'scatterAddRows',
  'oneHotRows',
  'gemm',
  'matmulScalar',
  'conv2dBackpropInput',
  'conv2dF64',
  'conv2dPanels',
  'conv2dFilterSlices',
  'conv2dFilterDirect',
  'sumSlices',
  'maxPool2d',
  'maxPool2x2F32',
  'avgPool2x2F32',
  'maxPool2dBackward',
  'avgPool2d',
  'optimizerUpdate',
] as const satisfies readonly (keyof KernelExports)[];

export type TaskName = (typeof TASKS)[number];

/** Tasks whose third argument is the calling thread's scratch memory. */
export const SCRATCH_TASKS: ReadonlySet<TaskName> = new Set<TaskName>([
  'reduceF32',
  'cumsum',
  'topk',
  'gemm',
  'conv2dBackpropInput',
  'conv2dPanels',
  'conv2dFilterSlices',
  'conv2dFilterDirect',
]);
