import { concat, full, gather, type Tensor, tensor, tidy } from '@nagare/tensor';

/**
 * `out[i] = x[source[i]]` over the flattened batch, with −1 meaning `fill`, computed on the backend
 * by one gather: the image transforms use it where the backend reads only asynchronously (WebGPU),
 * so the batch is never read back. The positions come from the same host random draws as the
 * host path, so both give the same images.
 */
export function gatherPixels(x: Tensor, source: Int32Array, fill: number): Tensor {
  return tidy(() => {
    const padded = concat([x.reshape([x.size]), full([1], fill, { dtype: x.dtype })]);
    const positions = source.map((from) => (from < 0 ? x.size : from));
    return gather(padded, tensor(positions, { dtype: 'int32' })).reshape(x.shape);
  });
}
