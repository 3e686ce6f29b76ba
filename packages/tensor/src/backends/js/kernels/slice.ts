import { stridesOf } from '../../../shape';
import type { JsKernel } from '../kernel-types';
import { stridedCopy } from './strided-copy';

export const sliceKernel: JsKernel<'slice'> = ([x], { begin, step, size }, [y]) => {
  const inStrides = stridesOf(x.shape);
  // Moving one output step along axis a moves step[a] input rows of that axis.
  const strides = inStrides.map((s, a) => s * step[a]);
  let offset = 0;
  for (let a = 0; a < size.length; a++) offset += begin[a] * inStrides[a];
  stridedCopy(x.data, offset, strides, size, y.data);
};
