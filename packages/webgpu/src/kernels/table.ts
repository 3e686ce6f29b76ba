import type { OpName } from '@nagare/tensor';
import { binaryKernels, whereKernel } from './binary';
import { castKernel, clipKernel } from './clip-cast';
import type { WebGPUKernel } from './context';
import { gatherKernel, oneHotKernel, scatterAddKernel } from './indexing';
import { optimizerKernels } from './optimizer';
import { concatKernel, expandKernel, padKernel, reshapeKernel, sliceKernel, transposeKernel } from './shape';
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
};
