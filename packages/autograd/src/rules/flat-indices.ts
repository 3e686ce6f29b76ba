import { add, mul, type Shape, stridesOf, type Tensor, tensor } from '@nagare/tensor';

/**
 * Turns per-row `indices` along `axis` (int32; shaped like the data except along `axis`) into
 * flat int32 positions in a row-major tensor of `dataShape`, so one gather or scatterAdd on the
 * flattened data can follow them (as take_along_axis would).
 */
export function flatIndices(indices: Tensor, dataShape: Shape, axis: number): Tensor {
  const strides = stridesOf(dataShape);
  const rowStarts = new Int32Array(indices.size);
  const indexStrides = stridesOf(indices.shape);
  for (let i = 0; i < indices.size; i++) {
    let offset = 0;
    for (let d = 0; d < indices.rank; d++) {
      if (d !== axis) offset += (Math.floor(i / indexStrides[d]) % indices.shape[d]) * strides[d];
    }
    rowStarts[i] = offset;
  }
  return add(mul(indices, strides[axis]), tensor(rowStarts, { shape: indices.shape }));
}
