import * as nt from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

/**
 * Gemm: Y = α·A'·B' + β·C with A' = Aᵀ when transA, B' = Bᵀ when transB, and C (optional since
 * opset 11) broadcast to Y's shape.
 */
function gemm(c: OnnxOpContext) {
  const product = nt.matmul(c.input(0), c.input(1), {
    transposeA: c.int('transA', 0) === 1,
    transposeB: c.int('transB', 0) === 1,
  });
  const alpha = c.float('alpha', 1);
  const scaled = alpha === 1 ? product : nt.mul(product, alpha);
  const bias = c.optionalInput(2);
  if (!bias) return [scaled];
  const beta = c.float('beta', 1);
  return [nt.add(scaled, beta === 1 ? bias : nt.mul(bias, beta))];
}

/**
 * Softmax and LogSoftmax. From opset 13 they work along one axis (default −1); before, the input
 * is coerced to 2-D at `axis` (default 1) and normalized over the whole second part.
 */
function softmaxOp(fn: typeof nt.softmax) {
  return (c: OnnxOpContext) => {
    const x = c.input(0);
    if (c.opset >= 13) return [fn(x, c.int('axis', -1))];
    const axis = nt.normalizeAxis(c.opType, c.int('axis', 1), x.rank);
    const rows = x.shape.slice(0, axis).reduce((p, d) => p * d, 1);
    return [fn(x.reshape([rows, x.size / Math.max(rows, 1)]), 1).reshape(x.shape)];
  };
}

/** MatMul, Gemm, Softmax, LogSoftmax. */
export const linalgOps: OnnxOpTable = {
  MatMul: (c) => [nt.matmul(c.input(0), c.input(1))],
  Gemm: gemm,
  Softmax: softmaxOp(nt.softmax),
  LogSoftmax: softmaxOp(nt.logSoftmax),
};
