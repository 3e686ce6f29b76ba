import { type AvgPool2dAttrs, type KernelTensor, type Pool2dAttrs, UnsupportedOpError } from '@nagare/tensor';
import { dtypeCode, type KernelContext, pointerOf, type WasmKernel } from './context';
import { COST_MEMORY } from './costs';

/** Writes the pooling parameter block (laid out in assembly/pool-params.ts) for input `inShape` and output `outShape`. */
function writePoolParams(
  context: KernelContext,
  inShape: readonly number[],
  outShape: readonly number[],
  attrs: Pool2dAttrs,
  countIncludePad: boolean,
): void {
  const { kernelSize, stride, padding, dilation } = attrs;
  const fields = [
    inShape[2],
    inShape[3],
    outShape[2],
    outShape[3],
    kernelSize[0],
    kernelSize[1],
    stride[0],
    stride[1],
    padding[0],
    padding[2],
    dilation[0],
    dilation[1],
    padding[1],
    padding[3],
    countIncludePad ? 1 : 0,
  ];
  context.heap.i32.set(fields, context.params >>> 2);
}

const planesOf = (shape: readonly number[]) => shape[0] * shape[1];
const windowCost = (attrs: Pool2dAttrs, out: KernelTensor) =>
  (out.size / planesOf(out.shape)) * attrs.kernelSize[0] * attrs.kernelSize[1] * COST_MEMORY;

/** 2×2 windows at stride 2, no padding or dilation, every window inside the input `x` (float32). */
function isPlain2x2(x: KernelTensor, y: KernelTensor, attrs: Pool2dAttrs): boolean {
  const { kernelSize, stride, padding, dilation } = attrs;
  const isPlain =
    [...kernelSize, ...stride].every((d) => d === 2) &&
    padding.every((p) => p === 0) &&
    dilation.every((d) => d === 1);
  return isPlain && x.dtype === 'float32' && 2 * y.shape[2] <= x.shape[2] && 2 * y.shape[3] <= x.shape[3];
}

export const maxPool2dKernel: WasmKernel<'maxPool2d'> = {
  supports: (dtype) => dtype !== 'bool',
  run(context, [x], attrs, [y, indices]) {
    if (x.dtype === 'bool') throw new UnsupportedOpError('maxPool2d', x.dtype, 'wasm');
    writePoolParams(context, x.shape, y.shape, attrs, false);
    const planes = planesOf(x.shape);
    if (isPlain2x2(x, y, attrs)) {
      context.tasks.run(
        'maxPool2x2F32',
        planes,
        (y.size / planes) * 4 * COST_MEMORY,
        0,
        context.params,
        pointerOf(x),
        pointerOf(y),
        pointerOf(indices),
      );
      return;
    }
    context.tasks.run(
      'maxPool2d',
      planes,
      windowCost(attrs, y),
      0,
      dtypeCode(x.dtype),
      context.params,
      pointerOf(x),
      pointerOf(y),
      pointerOf(indices),
    );
  },
};

export const maxPool2dBackwardKernel: WasmKernel<'maxPool2dBackward'> = {
  supports: (dtype) => dtype === 'float32' || dtype === 'float64',
  run(context, [dy, indices], _attrs, [dx]) {
    const planes = planesOf(dx.shape);
    const planeIn = dx.size / planes;
    const planeOut = dy.size / planes;
    context.tasks.run(
      'maxPool2dBackward',
      planes,
      (planeIn + planeOut) * COST_MEMORY,
      0,
      dtypeCode(dy.dtype),
      planeIn,
      planeOut,
      pointerOf(dy),
      pointerOf(indices),
      pointerOf(dx),
    );
  },
};

export const avgPool2dKernel: WasmKernel<'avgPool2d'> = {
  supports: (dtype) => dtype === 'float32' || dtype === 'float64',
  run(context, [x], attrs: AvgPool2dAttrs, [y]) {
    writePoolParams(context, x.shape, y.shape, attrs, attrs.countIncludePad);
    if (isPlain2x2(x, y, attrs)) {
      const planes = planesOf(x.shape);
      context.tasks.run(
        'avgPool2x2F32',
        planes,
        (y.size / planes) * 4 * COST_MEMORY,
        0,
        0,
        context.params,
        pointerOf(x),
        pointerOf(y),
      );
      return;
    }
    context.tasks.run(
      'avgPool2d',
      planesOf(x.shape),
      windowCost(attrs, y),
      0,
      dtypeCode(x.dtype),
      0,
      context.params,
      pointerOf(x),
      pointerOf(y),
    );
  },
};

export const avgPool2dBackwardKernel: WasmKernel<'avgPool2dBackward'> = {
  supports: (dtype) => dtype === 'float32' || dtype === 'float64',
  run(context, [dy], attrs, [dx]) {
    writePoolParams(context, dx.shape, dy.shape, attrs, attrs.countIncludePad);
    if (isPlain2x2(dx, dy, attrs)) {
      const planes = planesOf(dx.shape);
      context.tasks.run(
        'avgPool2x2F32',
        planes,
        (dy.size / planes) * 4 * COST_MEMORY,
        0,
        1,
        context.params,
        pointerOf(dy),
        pointerOf(dx),
      );
      return;
    }
    context.tasks.run(
      'avgPool2d',
      planesOf(dx.shape),
      windowCost(attrs, dy),
      0,
      dtypeCode(dy.dtype),
      1,
      context.params,
      pointerOf(dy),
      pointerOf(dx),
    );
  },
};
