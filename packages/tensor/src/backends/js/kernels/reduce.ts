import type { ReduceOpName } from '../../../ops/reduce';
import type { DType } from '../../../types';
import type { JsKernel } from '../kernel-types';
import { broadcastIndex } from './broadcast';

interface Reducer {
  /** The result of reducing nothing, for each output dtype. */
  identity: (dtype: DType) => number;
  combine: (acc: number, x: number) => number;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

// The max of nothing is the lowest value the dtype holds (−∞, INT32_MIN, false), as ONNX
// specifies; so all() of nothing is true and any() of nothing is false.
const lowest = (dtype: DType) => (dtype === 'bool' ? 0 : dtype === 'int32' ? INT32_MIN : -Infinity);
const highest = (dtype: DType) => (dtype === 'bool' ? 1 : dtype === 'int32' ? INT32_MAX : Infinity);

const REDUCERS: { [K in ReduceOpName]: Reducer } = {
  sum: { identity: () => 0, combine: (acc, x) => acc + x },
  prod: { identity: () => 1, combine: (acc, x) => acc * x },
  max: { identity: lowest, combine: (acc, x) => (x > acc || Number.isNaN(x) ? x : acc) },
  min: { identity: highest, combine: (acc, x) => (x < acc || Number.isNaN(x) ? x : acc) },
};

function reduceKernel(reducer: Reducer): JsKernel<ReduceOpName> {
  return ([x], { axes }, [y]) => {
    const keptShape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    const target = broadcastIndex(keptShape, x.shape, x.data.length);
    // Accumulate in float64 so float32 sums do not lose precision on long axes.
    const acc = new Float64Array(y.data.length).fill(reducer.identity(y.dtype));
    const { combine } = reducer;
    const values = x.data;
    for (let i = 0; i < values.length; i++) acc[target[i]] = combine(acc[target[i]], values[i]);
    y.data.set(acc);
  };
}

export const reduceKernels = {
  sum: reduceKernel(REDUCERS.sum),
  prod: reduceKernel(REDUCERS.prod),
  max: reduceKernel(REDUCERS.max),
  min: reduceKernel(REDUCERS.min),
} as { [K in ReduceOpName]: JsKernel<K> };

function argKernel(isBetter: (candidate: number, best: number) => boolean): JsKernel<'argmax' | 'argmin'> {
  return ([x], { axis, selectLastIndex }, [y]) => {
    const n = x.shape[axis];
    let inner = 1;
    for (let i = axis + 1; i < x.shape.length; i++) inner *= x.shape[i];
    const outer = x.data.length / (n * inner);
    const values = x.data;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let best = values[base];
        let bestIndex = 0;
        for (let k = 1; k < n; k++) {
          const v = values[base + k * inner];
          if (Number.isNaN(best)) break;
          if (isBetter(v, best) || Number.isNaN(v) || (selectLastIndex && v === best)) {
            best = v;
            bestIndex = k;
          }
        }
        y.data[o * inner + i] = bestIndex;
      }
    }
  };
}

export const argmaxKernel: JsKernel<'argmax'> = argKernel((a, b) => a > b);
export const argminKernel: JsKernel<'argmin'> = argKernel((a, b) => a < b);
