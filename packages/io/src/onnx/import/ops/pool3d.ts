import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import type { OnnxOpContext } from '../op-context';
import { samePadding } from './same-padding';

/** Window attributes of one spatial axis. */
interface Axis {
  kernel: number;
  stride: number;
  dilation: number;
  begin: number;
  end: number;
}

function readAxes(c: OnnxOpContext, spatial: readonly number[]): Axis[] {
  const kernel = c.ints('kernel_shape');
  if (kernel?.length !== spatial.length) return c.unsupported('kernel_shape must match the input rank');
  const strides = c.ints('strides') ?? spatial.map(() => 1);
  const dilations = c.ints('dilations') ?? spatial.map(() => 1);
  const autoPad = c.string('auto_pad', 'NOTSET');
  const pads = c.ints('pads') ?? [...spatial, ...spatial].map(() => 0);
  return spatial.map((size, i) => {
    const axis = {
      kernel: kernel[i],
      stride: strides[i],
      dilation: dilations[i],
      begin: pads[i],
      end: pads[i + spatial.length],
    };
    if (autoPad === 'VALID') return { ...axis, begin: 0, end: 0 };
    if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
      const [begin, end] = samePadding(size, axis.kernel, axis.stride, axis.dilation, autoPad);
      return { ...axis, begin, end };
    }
    if (autoPad !== 'NOTSET') c.unsupported(`auto_pad "${autoPad}"`);
    return axis;
  });
}

/**
 * 3-D MaxPool/AveragePool as two 2-D poolings. A pooling window is a box, the product of one range
 * per axis, so the max over it is the max over depth of the max over (height, width), and its mean
 * is the mean over depth of the mean over (height, width): with or without the padding counted,
 * the divisor is the product of the per-axis counts. So: pool (H, W) with every depth slice as a
 * channel, then pool depth as the height of a [D, H'·W'] plane with a kernel of width 1.
 */
export function pool3d(c: OnnxOpContext, kind: 'max' | 'average'): Tensor {
  const x = c.input(0);
  const [n, channels, depth, height, width] = x.shape;
  const [d, h, w] = readAxes(c, [depth, height, width]);
  const ceilMode = c.int('ceil_mode', 0) === 1;
  const countIncludePad = c.int('count_include_pad', 0) === 1;
  const run = (input: Tensor, [a, b]: [Axis, Axis]) => {
    const options = {
      kernelSize: [a.kernel, b.kernel] as [number, number],
      stride: [a.stride, b.stride] as [number, number],
      dilation: [a.dilation, b.dilation] as [number, number],
      padding: [a.begin, a.end, b.begin, b.end] as [number, number, number, number],
      ceilMode,
    };
    return kind === 'max'
      ? nt.maxPool2d(input, options)
      : nt.avgPool2d(input, { ...options, countIncludePad });
  };
  const planes = run(nt.reshape(x, [n, channels * depth, height, width]), [h, w]);
  const [outHeight, outWidth] = [planes.shape[2], planes.shape[3]];
  const flat: Axis = { kernel: 1, stride: 1, dilation: 1, begin: 0, end: 0 };
  const pooled = run(nt.reshape(planes, [n, channels, depth, outHeight * outWidth]), [d, flat]);
  return nt.reshape(pooled, [n, channels, pooled.shape[2], outHeight, outWidth]);
}
