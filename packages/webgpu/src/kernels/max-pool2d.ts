import type { DType } from '@nagare/tensor';
import { bufferOf, NUMERIC_DTYPE, type WebGPUKernel } from './context';
import { POOL_GEOMETRY, poolParams } from './pool2d-geometry';
import { elementwiseShader, FLOAT_HELPERS, groupsFor, storage } from './wgsl';

/**
 * Max over each window's taps inside the input and the in-plane index (h·W + w) of the first
 * maximum; NaN wins and stays. A window with no tap inside (only possible with dilation) gives
 * −∞ (0 for int32, as the js backend's Int32Array store of −∞) and index −1.
 */
function maxPoolShader(dtype: DType): string {
  const isFloat = dtype === 'float32';
  const nan = isFloat ? 'isNan' : 'noNan';
  return elementwiseShader(
    [
      storage(1, 'x', dtype, 'read'),
      storage(2, 'y', dtype, 'read_write'),
      storage(3, 'indices', 'int32', 'read_write'),
      FLOAT_HELPERS,
      'fn noNan(v: i32) -> bool { return false; }',
      POOL_GEOMETRY,
    ],
    `let planeOut = u32(outH() * outW());
  let plane = i / planeOut;
  let oh = i32((i % planeOut) / u32(outW()));
  let ow = i32(i % u32(outW()));
  let rows = rowTaps(oh);
  let cols = colTaps(ow);
  let xBase = plane * u32(inH() * inW());
  var best = ${isFloat ? '-inf()' : '0'};
  var bestIndex = -1;
  for (var ki = rows.first; ki < rows.end; ki++) {
    let rowIndex = (rows.start + ki * dilationH()) * inW();
    for (var kj = cols.first; kj < cols.end; kj++) {
      let index = rowIndex + cols.start + kj * dilationW();
      let v = x[xBase + u32(index)];
      if (bestIndex < 0 || v > best || (${nan}(v) && !${nan}(best))) {
        best = v;
        bestIndex = index;
      }
    }
  }
  y[i] = best;
  indices[i] = bestIndex;`,
  );
}

/** maxPool2d (float32, int32) with its int32 indices output. */
export const maxPool2dKernel: WebGPUKernel<'maxPool2d'> = {
  supports: NUMERIC_DTYPE,
  run(context, [x], attrs, [y, indices]) {
    context.dispatch({
      source: maxPoolShader(x.dtype),
      buffers: [bufferOf(x), bufferOf(y), bufferOf(indices)],
      params: poolParams(y.size, x.shape, y.shape, attrs),
      workgroups: groupsFor(y.size),
    });
  },
};

// dx[plane, p] = Σ dy[plane, j] over the windows j covering p whose winning index is p, in
// increasing j (the js backend's order): taps run backwards so windows run forwards.
const MAX_POOL_BACKWARD = elementwiseShader(
  [
    storage(1, 'dy', 'float32', 'read'),
    storage(2, 'indices', 'int32', 'read'),
    storage(3, 'dx', 'float32', 'read_write'),
    POOL_GEOMETRY,
  ],
  `let planeIn = u32(inH() * inW());
  let plane = i / planeIn;
  let p = i32(i % planeIn);
  let ih = p / inW();
  let iw = p % inW();
  let outBase = plane * u32(outH() * outW());
  var total = 0.0;
  for (var ki = kernelH() - 1; ki >= 0; ki--) {
    let oh = windowOf(ih, ki, strideH(), dilationH(), padTop(), outH());
    if (oh < 0) { continue; }
    for (var kj = kernelW() - 1; kj >= 0; kj--) {
      let ow = windowOf(iw, kj, strideW(), dilationW(), padLeft(), outW());
      if (ow < 0) { continue; }
      let j = outBase + u32(oh * outW() + ow);
      if (indices[j] == p) { total += dy[j]; }
    }
  }
  dx[i] = total;`,
);

/** maxPool2dBackward (float32): routes each gradient to the position that won its window. */
export const maxPool2dBackwardKernel: WebGPUKernel<'maxPool2dBackward'> = {
  supports: (dtype) => dtype === 'float32',
  run(context, [dy, indices], attrs, [dx]) {
    context.dispatch({
      source: MAX_POOL_BACKWARD,
      buffers: [bufferOf(dy), bufferOf(indices), bufferOf(dx)],
      params: poolParams(dx.size, dx.shape, dy.shape, attrs),
      workgroups: groupsFor(dx.size),
    });
  },
};
