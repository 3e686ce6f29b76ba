import type { JsKernel } from '../kernel-types';
import { broadcastIndex } from './broadcast';

/** Batched GEMM. Loop order keeps the innermost loop on contiguous memory for each layout. */
export const matmulKernel: JsKernel<'matmul'> = ([a, b], { transposeA, transposeB }, [y]) => {
  const m = y.shape.at(-2)!;
  const n = y.shape.at(-1)!;
  const k = transposeA ? a.shape.at(-2)! : a.shape.at(-1)!;
  const batchShape = y.shape.slice(0, -2);
  const batches = batchShape.reduce((p, d) => p * d, 1);
  const batchA = broadcastIndex(a.shape.slice(0, -2), batchShape, batches);
  const batchB = broadcastIndex(b.shape.slice(0, -2), batchShape, batches);
  const A = a.data;
  const B = b.data;
  const C = y.data;
  // Strides of element (row, col) in each operand's own layout.
  const [ai, ap] = transposeA ? [1, m] : [k, 1];
  const [bp, bj] = transposeB ? [1, k] : [n, 1];
  const row = new Float64Array(n);
  for (let batch = 0; batch < batches; batch++) {
    const aBase = batchA[batch] * m * k;
    const bBase = batchB[batch] * k * n;
    const cBase = batch * m * n;
    for (let i = 0; i < m; i++) {
      if (transposeB) {
        // C[i, j] = A[i, :] · B[j, :] — both rows contiguous when B is stored transposed.
        for (let j = 0; j < n; j++) {
          let acc = 0;
          const aRow = aBase + i * ai;
          const bRow = bBase + j * bj;
          for (let p = 0; p < k; p++) acc += A[aRow + p * ap] * B[bRow + p];
          C[cBase + i * n + j] = acc;
        }
      } else {
        row.fill(0);
        for (let p = 0; p < k; p++) {
          const aip = A[aBase + i * ai + p * ap];
          const bRow = bBase + p * bp;
          for (let j = 0; j < n; j++) row[j] += aip * B[bRow + j];
        }
        for (let j = 0; j < n; j++) C[cBase + i * n + j] = row[j];
      }
    }
  }
};
