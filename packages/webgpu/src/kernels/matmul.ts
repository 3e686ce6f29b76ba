import type { DType, Shape } from '@nagare/tensor';
import { bufferOf, NUMERIC_DTYPE, type WebGPUKernel } from './context';
import { GEMM_PARAM_WORDS, type GemmSpec, gemmPlan, gemmShader } from './tiled-gemm';
import { storage, wgslType } from './wgsl';

// Words after the generator's: batch rank, transposeA, transposeB, then the batch shape and each
// operand's matrix stride per batch axis (0 where it broadcasts).
const RANK = GEMM_PARAM_WORDS;
const DIMS = RANK + 3;

/** The tiled matmul for `dtype`; shapes, transposes and batch broadcasting are parameters. */
function matmulSpec(dtype: DType): GemmSpec {
  return {
    type: wgslType(dtype),
    declarations: [
      storage(1, 'A', dtype, 'read'),
      storage(2, 'B', dtype, 'read'),
      storage(3, 'C', dtype, 'read_write'),
      'var<private> aBase: u32;',
      'var<private> bBase: u32;',
    ],
    // The batch index is decomposed once per workgroup into each operand's (broadcast) matrix.
    setup: `{
    let rank = pu(${RANK}u);
    var rest = batch;
    var aMatrix = 0u;
    var bMatrix = 0u;
    for (var d = i32(rank) - 1; d >= 0; d--) {
      let dim = pu(${DIMS}u + u32(d));
      let index = rest % dim;
      rest /= dim;
      aMatrix += index * pu(${DIMS}u + rank + u32(d));
      bMatrix += index * pu(${DIMS}u + 2u * rank + u32(d));
    }
    aBase = aMatrix * M * K;
    bBase = bMatrix * K * N;
  }`,
    loadA: `if (pu(${RANK + 1}u) != 0u) { return A[aBase + k * pu(0u) + row]; }
  return A[aBase + row * pu(2u) + k];`,
    columnType: 'u32',
    column: 'return col;',
    loadB: `if (pu(${RANK + 2}u) != 0u) { return B[bBase + c * pu(2u) + k]; }
  return B[bBase + k * pu(1u) + c];`,
    store: 'C[batch * pu(0u) * pu(1u) + row * pu(1u) + col] = value;',
  };
}

const SPECS = { float32: matmulSpec('float32'), int32: matmulSpec('int32') };

/** Matrix strides of `batchShape` (an operand's leading axes) aligned right to the output's. */
function batchStrides(batchShape: Shape, outBatch: Shape): number[] {
  const strides = new Array<number>(outBatch.length).fill(0);
  let stride = 1;
  for (let d = batchShape.length - 1; d >= 0; d--) {
    const axis = outBatch.length - batchShape.length + d;
    strides[axis] = batchShape[d] === 1 ? 0 : stride;
    stride *= batchShape[d];
  }
  return strides;
}

/**
 * Batched matmul (float32 and int32, wrapping as Int32Array stores do), with batch axes that
 * broadcast and either operand read transposed in place.
 */
export const matmulKernel: WebGPUKernel<'matmul'> = {
  supports: NUMERIC_DTYPE,
  run(context, [a, b], { transposeA, transposeB }, [y]) {
    const m = y.shape.at(-2) as number;
    const n = y.shape.at(-1) as number;
    const k = transposeA ? (a.shape.at(-2) as number) : (a.shape.at(-1) as number);
    const outBatch = y.shape.slice(0, -2);
    const batches = outBatch.reduce((p, d) => p * d, 1);
    const { shape, params, workgroups } = gemmPlan(m, n, k, batches);
    params.u32(outBatch.length, transposeA ? 1 : 0, transposeB ? 1 : 0, ...outBatch);
    params.u32(
      ...batchStrides(a.shape.slice(0, -2), outBatch),
      ...batchStrides(b.shape.slice(0, -2), outBatch),
    );
    context.dispatch({
      source: gemmShader(SPECS[y.dtype as 'float32' | 'int32'], shape),
      buffers: [bufferOf(a), bufferOf(b), bufferOf(y)],
      params,
      workgroups,
    });
  },
};
