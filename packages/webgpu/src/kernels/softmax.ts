import { PARAMS_WGSL, Params } from '../runtime/params';
import { bufferOf, type WebGPUKernel } from './context';
import { FLOAT_HELPERS, storage } from './wgsl';

const THREADS = 64;

/**
 * softmax or logSoftmax along an axis, one workgroup per line (outer × inner lines of n elements,
 * `inner` apart): a tree max, a tree sum of exp(x − max), then one pass writing the result.
 * Subtracting the max keeps exp from overflowing; an infinite max is replaced by 0 and a NaN one
 * kept, as the js backend does.
 */
function softmaxShader(isLog: boolean): string {
  const result = isLog ? 'shifted - log(total)' : 'safeExp(shifted) / total';
  return `${PARAMS_WGSL}
${storage(1, 'x', 'float32', 'read')}
${storage(2, 'y', 'float32', 'read_write')}
${FLOAT_HELPERS}
var<workgroup> partial: array<f32, ${THREADS}>;

// exp that does not trust the GPU with non-finite arguments: exp(−∞) = 0, NaN stays NaN.
fn safeExp(v: f32) -> f32 {
  if (isNan(v)) { return v; }
  if (isInf(v)) { return select(0.0, v, v > 0.0); }
  return exp(v);
}
fn maxWithNan(a: f32, b: f32) -> f32 { return select(select(a, b, b > a || isNan(b)), a, isNan(a)); }

@compute @workgroup_size(${THREADS})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) grid: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let line = wid.y * grid.x + wid.x;
  if (line >= pu(0u)) { return; }
  let n = pu(1u);
  let inner = pu(2u);
  let base = (line / inner) * n * inner + line % inner;
  var peak = -inf();
  for (var k = lid; k < n; k += ${THREADS}u) { peak = maxWithNan(peak, x[base + k * inner]); }
  partial[lid] = peak;
  workgroupBarrier();
  for (var half = ${THREADS / 2}u; half > 0u; half >>= 1u) {
    if (lid < half) { partial[lid] = maxWithNan(partial[lid], partial[lid + half]); }
    workgroupBarrier();
  }
  peak = partial[0];
  if (isInf(peak)) { peak = 0.0; }
  workgroupBarrier();
  var sum = 0.0;
  for (var k = lid; k < n; k += ${THREADS}u) { sum += safeExp(x[base + k * inner] - peak); }
  partial[lid] = sum;
  workgroupBarrier();
  for (var half = ${THREADS / 2}u; half > 0u; half >>= 1u) {
    if (lid < half) { partial[lid] += partial[lid + half]; }
    workgroupBarrier();
  }
  let total = partial[0];
  for (var k = lid; k < n; k += ${THREADS}u) {
    let shifted = x[base + k * inner] - peak;
    y[base + k * inner] = ${result};
  }
}
`;
}

function softmaxKernel(isLog: boolean): WebGPUKernel<'softmax' | 'logSoftmax'> {
  const source = softmaxShader(isLog);
  return {
    supports: (dtype) => dtype === 'float32',
    run(context, [x], { axis }, [y]) {
      const n = x.shape[axis];
      const inner = x.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
      const lines = n === 0 ? 0 : x.size / n;
      context.dispatch({
        source,
        buffers: [bufferOf(x), bufferOf(y)],
        params: new Params().u32(lines, n, inner),
        workgroups: lines,
      });
    },
  };
}

/** softmax and logSoftmax (float32), numerically stable. */
export const softmaxKernels = {
  softmax: softmaxKernel(false),
  logSoftmax: softmaxKernel(true),
} satisfies { [K in 'softmax' | 'logSoftmax']: WebGPUKernel<K> };
