import type { OpName } from '../../op-attrs';
import type { JsKernel } from './kernel-types';
import { binaryKernels, whereKernel } from './kernels/binary';
import { concatKernel } from './kernels/concat';
import { conv2dKernel } from './kernels/conv2d';
import { conv2dBackpropFilterKernel, conv2dBackpropInputKernel } from './kernels/conv2d-backprop';
import { cumsumKernel } from './kernels/cumsum';
import { gatherKernel } from './kernels/gather';
import { matmulKernel } from './kernels/matmul';
import { oneHotKernel } from './kernels/one-hot';
import { optimizerUpdateKernels } from './kernels/optimizer-updates';
import { padKernel } from './kernels/pad';
import {
  avgPool2dBackwardKernel,
  avgPool2dKernel,
  maxPool2dBackwardKernel,
  maxPool2dKernel,
} from './kernels/pool2d';
import { argmaxKernel, argminKernel, reduceKernels } from './kernels/reduce';
import { scatterAddKernel } from './kernels/scatter-add';
import { sliceKernel } from './kernels/slice';
import { logSoftmaxKernel, softmaxKernel } from './kernels/softmax';
import { topkKernel } from './kernels/topk';
import { expandKernel, reshapeKernel, transposeKernel } from './kernels/transpose';
import { castKernel, clipKernel, unaryKernels } from './kernels/unary';

export type { JsKernel, JsTensor } from './kernel-types';

/** Every op's js kernel. A mapped type over OpName: an op without a kernel fails the type check. */
export const jsKernels: { [K in OpName]: JsKernel<K> } = {
  ...unaryKernels,
  clip: clipKernel,
  cast: castKernel,
  ...binaryKernels,
  where: whereKernel,
  ...reduceKernels,
  argmax: argmaxKernel,
  argmin: argminKernel,
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
  softmax: softmaxKernel,
  logSoftmax: logSoftmaxKernel,
  cumsum: cumsumKernel,
  topk: topkKernel,
  conv2d: conv2dKernel,
  conv2dBackpropInput: conv2dBackpropInputKernel,
  conv2dBackpropFilter: conv2dBackpropFilterKernel,
  maxPool2d: maxPool2dKernel,
  maxPool2dBackward: maxPool2dBackwardKernel,
  avgPool2d: avgPool2dKernel,
  avgPool2dBackward: avgPool2dBackwardKernel,
  ...optimizerUpdateKernels,
};
