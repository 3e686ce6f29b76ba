import type { JsKernel } from '../kernel-types';

/** Copies each input's contiguous block per outer index, one input after another. */
export const concatKernel: JsKernel<'concat'> = (inputs, { axis }, [y]) => {
  let outer = 1;
  for (let a = 0; a < axis; a++) outer *= y.shape[a];
  let inner = 1;
  for (let a = axis + 1; a < y.shape.length; a++) inner *= y.shape[a];
  const rowLength = y.shape[axis] * inner;
  let column = 0;
  for (const x of inputs) {
    const block = x.shape[axis] * inner;
    for (let o = 0; o < outer; o++)
      y.data.set(x.data.subarray(o * block, (o + 1) * block), o * rowLength + column);
    column += block;
  }
};
