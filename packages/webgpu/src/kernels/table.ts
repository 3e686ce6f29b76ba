import type { OpName } from '@nagare/tensor';
import { avgPool2dBackwardKernel, avgPool2dKernel } from './avg-pool2d';
import { binaryKernels, whereKernel } from './binary';
import { castKernel, clipKernel } from './clip-cast';
import type { WebGPUKernel } from './context';
import { conv2dKernel } from './conv2d';
import { conv2dBackpropFilterKernel, conv2dBackpropInputKernel } from './conv2d-backprop';
import { gatherKernel, oneHotKernel, scatterAddKernel } from './indexing';
import { matmulKernel } from './matmul';
import { maxPool2dBackwardKernel, maxPool2dKernel } from './max-pool2d';
import { optimizerKernels } from './optimizer';
import { reduceKernels } from './reduce';
import { cumsumKernel, topkKernel } from './scan';
import { concatKernel, expandKernel, padKernel, reshapeKernel, sliceKernel, transposeKernel } from './shape';
import { softmaxKernels } from './softmax';
import { unaryKernels } from './unary';

/**
 * Every op the webgpu backend runs, one spread or entry per kernel file: adding a family is one
 * import and one line here. An op missing here throws UnsupportedOpError (never falls back to js).
 */
export const webgpuKernels: Partial<{ [K in OpName]: WebGPUKernel<K> }> = {
  ...unaryKernels,
  clip: clipKernel,
  cast: castKernel,
  ...binaryKernels,
  where: whereKernel,
  reshape: reshapeKernel,
  transpose: transposeKernel,
  expand: expandKernel,
  concat: concatKernel,
  slice: sliceKernel,
  pad: padKernel,
  gather: gatherKernel,
  scatterAdd: scatterAddKernel,
  oneHot: oneHotKernel,
  ...optimizerKernels,
  matmul: matmulKernel,
  conv2d: conv2dKernel,
  conv2dBackpropInput: conv2dBackpropInputKernel,
  conv2dBackpropFilter: conv2dBackpropFilterKernel,
  maxPool2d: maxPool2dKernel,
  maxPool2dBackward: maxPool2dBackwardKernel,
  avgPool2d: avgPool2dKernel,
  avgPool2dBackward: avgPool2dBackwardKernel,
  ...reduceKernels,
  cumsum: cumsumKernel,
  topk: topkKernel,
  ...softmaxKernels,
};
