import { broadcastStrides, stridesOf } from '../../../shape';
import type { JsKernel } from '../kernel-types';
import { stridedCopy } from './strided-copy';

export const transposeKernel: JsKernel<'transpose'> = ([x], { perm }, [y]) => {
  const inStrides = stridesOf(x.shape);
  // Output axis a walks input axis perm[a].
  const strides = perm.map((p) => inStrides[p]);
  stridedCopy(x.data, 0, strides, y.shape, y.data);
};

// Broadcast axes have stride 0, so the walk reads the same input value again along them.
export const expandKernel: JsKernel<'expand'> = ([x], _attrs, [y]) => {
  stridedCopy(x.data, 0, broadcastStrides(x.shape, y.shape), y.shape, y.data);
};

// reshape is a view op: the dispatcher shares the buffer and never calls this. It exists so the
// kernel table stays total, and copies for a caller that does want a fresh buffer.
export const reshapeKernel: JsKernel<'reshape'> = ([x], _attrs, [y]) => {
  y.data.set(x.data);
};
