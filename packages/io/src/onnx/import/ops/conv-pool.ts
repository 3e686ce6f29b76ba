import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';
import { pool3d } from './pool3d';
import { samePadding } from './same-padding';

/** The 2-D window attributes of Conv/MaxPool/AveragePool in nagare's form. */
interface Window {
  kernel: [number, number];
  stride: [number, number];
  dilation: [number, number];
  /** [top, bottom, left, right] */
  padding: [number, number, number, number];
}

const pair = (values: number[] | undefined, fallback: number): [number, number] => [
  values?.[0] ?? fallback,
  values?.[1] ?? fallback,
];

/**
 * A list attribute of a 2-D window. A 1-D window (N, C, L) runs as a 2-D one of height 1, so its
 * lists get a leading height entry (`fill`); pads [begin, end] become [0, begin, 0, end].
 */
function windowInts(c: OnnxOpContext, name: string, isOneD: boolean, fill: number): number[] | undefined {
  const values = c.ints(name);
  if (!values || !isOneD) return values;
  return name === 'pads' ? [0, values[0], 0, values[1]] : [fill, ...values];
}

/**
 * Reads strides, dilations and pads/auto_pad of a 2-D window. SAME_UPPER/SAME_LOWER pad so the
 * output is ceil(input / stride), the odd extra element at the end (UPPER) or the start (LOWER);
 * ONNX pads list all begins, then all ends.
 */
function readWindow(c: OnnxOpContext, x: Tensor, kernel: [number, number], isOneD: boolean): Window {
  const stride = pair(windowInts(c, 'strides', isOneD, 1), 1);
  const dilation = pair(windowInts(c, 'dilations', isOneD, 1), 1);
  const autoPad = c.string('auto_pad', 'NOTSET');
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const [top, bottom] = samePadding(x.shape[2], kernel[0], stride[0], dilation[0], autoPad);
    const [left, right] = samePadding(x.shape[3], kernel[1], stride[1], dilation[1], autoPad);
    return { kernel, stride, dilation, padding: [top, bottom, left, right] };
  }
  if (autoPad !== 'NOTSET' && autoPad !== 'VALID') c.unsupported(`auto_pad "${autoPad}"`);
  const pads = autoPad === 'VALID' ? [0, 0, 0, 0] : (windowInts(c, 'pads', isOneD, 0) ?? [0, 0, 0, 0]);
  return { kernel, stride, dilation, padding: [pads[0], pads[2], pads[1], pads[3]] };
}

/**
 * Runs a 2-D mapping on 1-D (N, C, L) or 2-D (N, C, H, W) inputs; a 1-D input gets height 1 and
 * loses it again in the outputs. 3-D and higher windows are unsupported.
 */
function spatial2d(c: OnnxOpContext, run: (x: Tensor, isOneD: boolean) => Tensor[]): Tensor[] {
  const x = c.input(0);
  if (x.rank === 4) return run(x, false);
  if (x.rank !== 3) return c.unsupported(`${x.rank - 2}-D window (nagare has 1-D and 2-D)`);
  return run(nt.unsqueeze(x, 2), true).map((y) => nt.squeeze(y, 2));
}

function conv(c: OnnxOpContext): Tensor[] {
  return spatial2d(c, (x, isOneD) => {
    const w = isOneD ? nt.unsqueeze(c.input(1), 2) : c.input(1);
    const window = readWindow(c, x, [w.shape[2], w.shape[3]], isOneD);
    const options = {
      stride: window.stride,
      padding: window.padding,
      dilation: window.dilation,
      groups: c.int('group', 1),
    };
    return [nt.conv2d(x, w, { ...options, bias: c.optionalInput(2) })];
  });
}

function pool(kind: 'max' | 'average') {
  return (c: OnnxOpContext): Tensor[] =>
    c.input(0).rank === 5 && c.node.outputs.length === 1
      ? [pool3d(c, kind)]
      : spatial2d(c, (x, isOneD) => {
          const kernel = windowInts(c, 'kernel_shape', isOneD, 1);
          if (kernel?.length !== 2) return c.unsupported('kernel_shape must match the input rank');
          const window = readWindow(c, x, [kernel[0], kernel[1]], isOneD);
          const options = {
            kernelSize: window.kernel,
            stride: window.stride,
            padding: window.padding,
            dilation: window.dilation,
            ceilMode: c.int('ceil_mode', 0) === 1,
          };
          if (kind === 'average')
            return [nt.avgPool2d(x, { ...options, countIncludePad: c.int('count_include_pad', 0) === 1 })];
          if (c.node.outputs.length < 2) return [nt.maxPool2d(x, options)];
          const [values, indices] = nt.maxPool2dWithIndices(x, options);
          return [values, onnxPoolIndices(indices, x.shape, c.int('storage_order', 0) === 1)];
        });
}

/**
 * nagare's max-pool indices are h·W + w inside each (n, c) plane. ONNX's index the whole NCHW
 * tensor: plus (n·C + c)·H·W, and with storage_order 1 the plane is column-major (h + w·H).
 */
function onnxPoolIndices(
  indices: Tensor,
  [n, channels, h, w]: readonly number[],
  isColumnMajor: boolean,
): Tensor {
  let inPlane = indices;
  if (isColumnMajor) {
    const row = nt.cast(nt.floor(nt.div(nt.cast(indices, 'float64'), w)), 'int32');
    inPlane = nt.add(row, nt.mul(nt.sub(indices, nt.mul(row, w)), h));
  }
  const planeOffsets = nt.reshape(nt.mul(nt.arange(0, n * channels, 1, { dtype: 'int32' }), h * w), [
    n,
    channels,
    1,
    1,
  ]);
  return nt.add(inPlane, planeOffsets);
}

/** Global pools reduce every spatial axis (2 and up), keeping them as length 1. */
const globalPool = (reduce: typeof nt.max) => (c: OnnxOpContext) => {
  const x = c.input(0);
  return [
    reduce(
      x,
      [...Array(x.rank - 2).keys()].map((i) => i + 2),
      { keepDims: true },
    ),
  ];
};

/** Conv, MaxPool, AveragePool, GlobalMaxPool, GlobalAveragePool. */
export const convPoolOps: OnnxOpTable = {
  Conv: conv,
  MaxPool: pool('max'),
  AveragePool: pool('average'),
  GlobalMaxPool: globalPool(nt.max),
  GlobalAveragePool: globalPool(nt.mean),
};
