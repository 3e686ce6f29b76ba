import { stridesOf } from '../../../shape';
import type { JsKernel } from '../kernel-types';
import { broadcastIndex } from './broadcast';

export const transposeKernel: JsKernel<'transpose'> = ([x], { perm }, [y]) => {
  const inStrides = stridesOf(x.shape);
  const strides = perm.map((p) => inStrides[p]);
  const shape = y.shape;
  const rank = shape.length;
  const counter = new Array<number>(rank).fill(0);
  let offset = 0;
  const out = y.data;
  const values = x.data;
  for (let i = 0; i < out.length; i++) {
    out[i] = values[offset];
    for (let axis = rank - 1; axis >= 0; axis--) {
      counter[axis]++;
      offset += strides[axis];
      if (counter[axis] < shape[axis]) break;
      offset -= strides[axis] * counter[axis];
      counter[axis] = 0;
    }
  }
};

export const expandKernel: JsKernel<'expand'> = ([x], _attrs, [y]) => {
  const index = broadcastIndex(x.shape, y.shape, y.data.length);
  for (let i = 0; i < index.length; i++) y.data[i] = x.data[index[i]];
};

// reshape is a view op: the dispatcher shares the buffer and never calls this. It exists so the
// kernel table stays total, and copies for a caller that does want a fresh buffer.
export const reshapeKernel: JsKernel<'reshape'> = ([x], _attrs, [y]) => {
  y.data.set(x.data);
};
