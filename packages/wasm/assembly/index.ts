// The kernels the JavaScript side calls. Every pointer is a byte offset into the shared linear
// memory laid out by src/runtime/heap.ts; no kernel allocates (the AssemblyScript heap is unused).
export { binaryRun, binaryRunF32 } from './binary';
export { cast, clip } from './cast';
export { reduceF32, reduceScalar } from './reduce';
export { binaryFlat, binaryStrided } from './strided';
export { unaryF32, unaryF64, unaryI32, unaryToBool } from './unary';

/** Start of the free memory after the module's static data. */
export function heapBase(): usize {
  return __heap_base;
}
export { whereStrided } from './where';
export { argReduce, cumsum, topk } from './axis-ops';
export { copyRows, gatherRows, oneHotRows, padMapped, scatterAddRows, stridedCopy } from './copy';
export { gemm, gemmScratchBytes } from './gemm/gemm';
export { matmulScalar } from './gemm/matmul-scalar';
export { softmax } from './softmax';
export { conv2dBackpropInput, conv2dFilterSlices, sumSlices } from './conv';
export { conv2dPanels, convPanelsScratchBytes } from './conv-panels';
export { conv2dFilterDirect, convFilterScratchBytes } from './conv-filter';
export { conv2dF64 } from './conv-scalar';
export { avgPool2d, maxPool2d, maxPool2dBackward } from './pool';
export { avgPool2x2F32, maxPool2x2F32 } from './pool-2x2';
export { optimizerUpdate } from './optimizer';
