import { type KernelTensor, UnsupportedOpError } from '@nagare/tensor';
import { dtypeCode, elementBytes, pointerOf, type WasmKernel } from './context';
import { A_DENSE, A_TRANSPOSED, B_DENSE, B_TRANSPOSED, runGemm } from './gemm-params';

/** For each batch of y, the batch index into an operand whose batch axes broadcast to y's. */
function batchIndex(operand: KernelTensor, y: KernelTensor, batch: number): number {
  const batchRank = y.shape.length - 2;
  const operandRank = operand.shape.length - 2;
  let index = 0;
  let stride = 1;
  let rest = batch;
  for (let axis = batchRank - 1; axis >= 0; axis--) {
    const length = y.shape[axis];
    const coordinate = rest % length;
    rest = (rest - coordinate) / length;
    const operandAxis = axis - (batchRank - operandRank);
    if (operandAxis < 0) continue;
    const operandLength = operand.shape[operandAxis];
    if (operandLength !== 1) index += coordinate * stride;
    stride *= operandLength;
  }
  return index;
}

export const matmulKernel: WasmKernel<'matmul'> = {
  supports: (dtype) => dtype !== 'bool',
  run(context, [a, b], { transposeA, transposeB }, [y]) {
    if (a.dtype === 'bool') throw new UnsupportedOpError('matmul', a.dtype, 'wasm');
    const m = y.shape[y.shape.length - 2];
    const n = y.shape[y.shape.length - 1];
    const k = transposeA ? a.shape[a.shape.length - 2] : a.shape[a.shape.length - 1];
    const batches = y.size / (m * n);
    const bytes = elementBytes(y.dtype);
    const aSize = m * k * bytes;
    const bSize = k * n * bytes;
    for (let batch = 0; batch < batches; batch++) {
      const pa = pointerOf(a) + (batches === 1 ? 0 : batchIndex(a, y, batch)) * aSize;
      const pb = pointerOf(b) + (batches === 1 ? 0 : batchIndex(b, y, batch)) * bSize;
      const pc = pointerOf(y) + batch * m * n * bytes;
      if (y.dtype === 'float32') {
        runGemm(
          context,
          context.params,
          transposeA ? A_TRANSPOSED : A_DENSE,
          pa,
          transposeA ? m : k,
          0,
          transposeB ? B_TRANSPOSED : B_DENSE,
          pb,
          transposeB ? k : n,
          pc,
          n,
          m,
          n,
          k,
          0,
          false,
        );
      } else {
        context.tasks.run(
          'matmulScalar',
          m,
          n * k * 2,
          0,
          dtypeCode(y.dtype),
          transposeA ? 1 : 0,
          transposeB ? 1 : 0,
          pa,
          pb,
          pc,
          m,
          n,
          k,
        );
      }
    }
  },
};
