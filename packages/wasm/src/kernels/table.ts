import type { OpName } from '@nagare/tensor';
import { argmaxKernel, argminKernel, cumsumKernel, softmaxKernels, topkKernel } from './axis';
import { binaryKernels } from './binary';
import type { WasmKernel } from './context';
import { conv2dBackpropFilterKernel, conv2dBackpropInputKernel, conv2dKernel } from './conv';
import { matmulKernel } from './matmul';
import { optimizerKernels } from './optimizer';
import { avgPool2dBackwardKernel, avgPool2dKernel, maxPool2dBackwardKernel, maxPool2dKernel } from './pool';
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
  conv2d: conv2dKernel,
  conv2dBackpropInput: conv2dBackpropInputKernel,
  conv2dBackpropFilter: conv2dBackpropFilterKernel,
  maxPool2d: maxPool2dKernel,
  maxPool2dBackward: maxPool2dBackwardKernel,
  avgPool2d: avgPool2dKernel,
  avgPool2dBackward: avgPool2dBackwardKernel,
  ...optimizerKernels,
};
