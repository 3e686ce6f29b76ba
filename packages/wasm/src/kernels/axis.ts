import { UnsupportedOpError } from '@nagare/tensor';
import { dtypeCode, pointerOf, type WasmKernel } from './context';
import { COST_MEMORY, COST_TRANSCENDENTAL } from './costs';
import { splitAround } from './strided-params';

function argKernel(name: 'argmax' | 'argmin'): WasmKernel<'argmax' | 'argmin'> {
  return {
    supports: () => true,
    run(context, [x], { axis, selectLastIndex }, [y]) {
      const { outer, length, inner } = splitAround(x.shape, axis);
      context.tasks.run(
        'argReduce',
        outer,
        length * inner * COST_MEMORY,
        0,
        dtypeCode(x.dtype),
        name === 'argmax' ? 1 : 0,
        selectLastIndex ? 1 : 0,
        pointerOf(x),
        pointerOf(y),
        length,
        inner,
      );
    },
  };
}

export const argmaxKernel = argKernel('argmax') as WasmKernel<'argmax'>;
export const argminKernel = argKernel('argmin') as WasmKernel<'argmin'>;

export const cumsumKernel: WasmKernel<'cumsum'> = {
  supports: (dtype) => dtype !== 'bool',
  run(context, [x], { axis, exclusive, reverse }, [y]) {
    const { outer, length, inner } = splitAround(x.shape, axis);
    context.tasks.run(
      'cumsum',
      outer,
      length * inner * COST_MEMORY,
      inner * 8,
      dtypeCode(x.dtype),
      exclusive ? 1 : 0,
      reverse ? 1 : 0,
      pointerOf(x),
      pointerOf(y),
      length,
      inner,
    );
  },
};

export const topkKernel: WasmKernel<'topk'> = {
  supports: (dtype) => dtype !== 'bool',
  run(context, [x], { k, axis, largest }, [values, indices]) {
    const { outer, length, inner } = splitAround(x.shape, axis);
    context.tasks.run(
      'topk',
      outer,
      length * inner * Math.log2(length + 1) * COST_MEMORY,
      length * 8,
      dtypeCode(x.dtype),
      largest ? 1 : 0,
      pointerOf(x),
      pointerOf(values),
      pointerOf(indices),
      length,
      inner,
      k,
    );
  },
};

function softmaxKernel(name: 'softmax' | 'logSoftmax'): WasmKernel<'softmax' | 'logSoftmax'> {
  return {
    supports: (dtype) => dtype === 'float32' || dtype === 'float64',
    run(context, [x], { axis }, [y]) {
      if (x.dtype !== 'float32' && x.dtype !== 'float64') throw new UnsupportedOpError(name, x.dtype, 'wasm');
      const { outer, length, inner } = splitAround(x.shape, axis);
      context.tasks.run(
        'softmax',
        outer,
        length * inner * COST_TRANSCENDENTAL,
        0,
        dtypeCode(x.dtype),
        name === 'logSoftmax' ? 1 : 0,
        pointerOf(x),
        pointerOf(y),
        length,
        inner,
      );
    },
  };
}

export const softmaxKernels = {
  softmax: softmaxKernel('softmax') as WasmKernel<'softmax'>,
  logSoftmax: softmaxKernel('logSoftmax') as WasmKernel<'logSoftmax'>,
};
