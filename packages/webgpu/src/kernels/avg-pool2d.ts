import { bufferOf, type WebGPUKernel } from './context';
import { POOL_GEOMETRY, poolParams } from './pool2d-geometry';
import { elementwiseShader, groupsFor, storage } from './wgsl';

/**
 * The divisor of window (oh, ow): its taps inside the padded input (countIncludePad) or inside the
 * input; a dilated window that misses the input entirely has sum 0 and divisor 1, not NaN.
 */
const DIVISOR = /* wgsl */ `
fn divisorOf(rows: Taps, cols: Taps) -> f32 {
  var count = (rows.end - rows.first) * (cols.end - cols.first);
  if (countIncludePad()) { count = rows.padded * cols.padded; }
  return f32(max(count, 1));
}
`;

const AVG_POOL = elementwiseShader(
  [storage(1, 'x', 'float32', 'read'), storage(2, 'y', 'float32', 'read_write'), POOL_GEOMETRY, DIVISOR],
  `let planeOut = u32(outH() * outW());
  let plane = i / planeOut;
  let rows = rowTaps(i32((i % planeOut) / u32(outW())));
  let cols = colTaps(i32(i % u32(outW())));
  let xBase = i32(plane) * inH() * inW();
  var total = 0.0;
  for (var ki = rows.first; ki < rows.end; ki++) {
    let rowBase = xBase + (rows.start + ki * dilationH()) * inW() + cols.start;
    for (var kj = cols.first; kj < cols.end; kj++) { total += x[u32(rowBase + kj * dilationW())]; }
  }
  y[i] = total / divisorOf(rows, cols);`,
);

/** avgPool2d (float32): countIncludePad, ceilMode, padding, dilation as the js backend. */
export const avgPool2dKernel: WebGPUKernel<'avgPool2d'> = {
  supports: (dtype) => dtype === 'float32',
  run(context, [x], attrs, [y]) {
    context.dispatch({
      source: AVG_POOL,
      buffers: [bufferOf(x), bufferOf(y)],
      params: poolParams(y.size, x.shape, y.shape, attrs, attrs.countIncludePad),
      workgroups: groupsFor(y.size),
    });
  },
};

// dx[plane, p] = Σ dy[plane, j] / divisor(j) over the windows j with a tap on p, in increasing j.
const AVG_POOL_BACKWARD = elementwiseShader(
  [storage(1, 'dy', 'float32', 'read'), storage(2, 'dx', 'float32', 'read_write'), POOL_GEOMETRY, DIVISOR],
  `let planeIn = u32(inH() * inW());
  let plane = i / planeIn;
  let ih = i32(i % planeIn) / inW();
  let iw = i32(i % planeIn) % inW();
  let outBase = plane * u32(outH() * outW());
  var total = 0.0;
  for (var ki = kernelH() - 1; ki >= 0; ki--) {
    let oh = windowOf(ih, ki, strideH(), dilationH(), padTop(), outH());
    if (oh < 0) { continue; }
    for (var kj = kernelW() - 1; kj >= 0; kj--) {
      let ow = windowOf(iw, kj, strideW(), dilationW(), padLeft(), outW());
      if (ow < 0) { continue; }
      total += dy[outBase + u32(oh * outW() + ow)] / divisorOf(rowTaps(oh), colTaps(ow));
    }
  }
  dx[i] = total;`,
);

/** avgPool2dBackward (float32): each window's gradient shared equally among its counted taps. */
export const avgPool2dBackwardKernel: WebGPUKernel<'avgPool2dBackward'> = {
  supports: (dtype) => dtype === 'float32',
  run(context, [dy], attrs, [dx]) {
    context.dispatch({
      source: AVG_POOL_BACKWARD,
      buffers: [bufferOf(dy), bufferOf(dx)],
      params: poolParams(dx.size, dx.shape, dy.shape, attrs, attrs.countIncludePad),
      workgroups: groupsFor(dx.size),
    });
  },
};
