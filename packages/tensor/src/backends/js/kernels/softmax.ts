import type { JsKernel } from '../kernel-types';

function makeSoftmaxKernel(isLog: boolean): JsKernel<'softmax' | 'logSoftmax'> {
  return ([x], { axis }, [y]) => {
    const n = x.shape[axis];
    let inner = 1;
    for (let i = axis + 1; i < x.shape.length; i++) inner *= x.shape[i];
    const outer = x.data.length / (n * inner || 1);
    const values = x.data;
    const out = y.data;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        // Subtract the max so exp cannot overflow.
        let peak = -Infinity;
        for (let k = 0; k < n; k++) peak = Math.max(peak, values[base + k * inner]);
        if (!Number.isFinite(peak)) peak = Number.isNaN(peak) ? peak : 0;
        let total = 0;
        for (let k = 0; k < n; k++) total += Math.exp(values[base + k * inner] - peak);
        const logTotal = Math.log(total);
        for (let k = 0; k < n; k++) {
          const shifted = values[base + k * inner] - peak;
          out[base + k * inner] = isLog ? shifted - logTotal : Math.exp(shifted) / total;
        }
      }
    }
  };
}

export const softmaxKernel: JsKernel<'softmax'> = makeSoftmaxKernel(false);
export const logSoftmaxKernel: JsKernel<'logSoftmax'> = makeSoftmaxKernel(true);
