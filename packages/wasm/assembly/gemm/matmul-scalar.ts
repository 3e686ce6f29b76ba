// float64 and int32 matrix products: plain dot products in float64 (int32 results wrap like the
// js reference's Int32Array stores). Rows [begin, end) of C; `transA`/`transB` read the stored
// transposes in place.
import * as OP from '../../src/kernels/opcodes';
import { toInt32 } from '../binary';

// @ts-ignore: decorator
@inline function matmulTyped<T>(begin: i32, end: i32, transA: bool, transB: bool, a: usize, b: usize, c: usize, m: i32, n: i32, k: i32): void {
  const size = sizeof<T>();
  // Element strides of A[i, p] and B[p, j] in their stored layouts.
  const ai: usize = transA ? 1 : <usize>k;
  const ap: usize = transA ? <usize>m : 1;
  const bp: usize = transB ? 1 : <usize>n;
  const bj: usize = transB ? <usize>k : 1;
  for (let i = begin; i < end; i++) {
    for (let j = 0; j < n; j++) {
      let acc: f64 = 0;
      for (let p = 0; p < k; p++) {
        const x = <f64>load<T>(a + (<usize>i * ai + <usize>p * ap) * size);
        const y = <f64>load<T>(b + (<usize>p * bp + <usize>j * bj) * size);
        acc += x * y;
      }
      const at = c + (<usize>i * <usize>n + <usize>j) * size;
      if (isFloat<T>()) store<T>(at, <T>acc);
      else store<T>(at, <T>toInt32(acc));
    }
  }
}

export function matmulScalar(begin: i32, end: i32, dtype: i32, transA: i32, transB: i32, a: usize, b: usize, c: usize, m: i32, n: i32, k: i32): void {
  if (dtype == OP.DTYPE_FLOAT64) matmulTyped<f64>(begin, end, transA != 0, transB != 0, a, b, c, m, n, k);
  else matmulTyped<i32>(begin, end, transA != 0, transB != 0, a, b, c, m, n, k);
}
