import { stridesOf } from '../../../shape';
import type { JsKernel } from '../kernel-types';

export const sliceKernel: JsKernel<'slice'> = ([x], { begin, step, size }, [y]) => {
  const inStrides = stridesOf(x.shape);
  const rank = size.length;
  // Moving one output step along axis a moves step[a] input rows of that axis.
  const strides = inStrides.map((s, a) => s * step[a]);
  let offset = 0;
  for (let a = 0; a < rank; a++) offset += begin[a] * inStrides[a];
  const counter = new Array<number>(rank).fill(0);
  const out = y.data;
  const values = x.data;
  for (let i = 0; i < out.length; i++) {
    out[i] = values[offset];
    for (let axis = rank - 1; axis >= 0; axis--) {
      counter[axis]++;
      offset += strides[axis];
      if (counter[axis] < size[axis]) break;
      offset -= strides[axis] * counter[axis];
      counter[axis] = 0;
    }
  }
};
