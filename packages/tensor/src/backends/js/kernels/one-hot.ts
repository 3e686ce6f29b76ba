import type { JsKernel } from '../kernel-types';

export const oneHotKernel: JsKernel<'oneHot'> = ([indices], { depth }, [y]) => {
  // The output may be an existing tensor (runInPlace), so clear it rather than trust a fresh buffer.
  y.data.fill(0);
  for (let i = 0; i < indices.data.length; i++) {
    const raw = indices.data[i];
    const k = raw < 0 ? raw + depth : raw;
    if (k >= 0 && k < depth) y.data[i * depth + k] = 1;
  }
};
