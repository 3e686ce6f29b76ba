import type { OpName } from '@nagare/tensor';
import { argmaxKernel, argminKernel, cumsumKernel, softmaxKernels, topkKernel } from './axis';
import { binaryKernels } from './binary';
import type { WasmKernel } from './context';
import { matmulKernel } from './matmul';
import { reduceKernels } from './reduce';
import {
  concatKernel,
  expandKernel,
  gatherKernel,
  oneHotKernel,
  padKernel,
  scatterAddKernel,
  sliceKernel,
  transposeKernel,
} from './shape';
import { castKernel, clipKernel, reshapeKernel, unaryKernels } from './unary';
import { whereKernel } from './where';

/** Every op the wasm backend runs. An op missing here throws UnsupportedOpError (never falls back to js). */
export const wasmKernels: Partial<{ [K in OpName]: WasmKernel<K> }> = {
  ...unaryKernels,
  clip: clipKernel,
  cast: castKernel,
  ...binaryKernels,
  where: whereKernel,
  ...reduceKernels,
  argmax: argmaxKernel,
  argmin: argminKernel,
  cumsum: cumsumKernel,
  topk: topkKernel,
  reshape: reshapeKernel,
  transpose: transposeKernel,
  expand: expandKernel,
  concat: concatKernel,
  slice: sliceKernel,
  pad: padKernel,
  gather: gatherKernel,
  scatterAdd: scatterAddKernel,
  oneHot: oneHotKernel,
  matmul: matmulKernel,
  ...softmaxKernels,
};
