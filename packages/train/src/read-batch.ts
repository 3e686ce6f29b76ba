import { concat, type DType, flatten, type Tensor, type TypedArray, tidy } from '@nagare/tensor';

/** True when any of `tensors` lives on a backend that reads only asynchronously (WebGPU). */
export function needsAsyncRead(tensors: readonly Tensor[]): boolean {
  return tensors.some((tensor) => tensor.storage.backend.readsAsyncOnly === true);
}

/**
 * The values of `tensors`, in order, read with one transfer per dtype: tensors of a dtype are
 * flattened and concatenated on the backend, read once with `data()`, and split on the host.
 * A GPU read costs a round trip however small it is, so a training step reads its loss, its
 * regularizer penalties and every metric's tensors together instead of one by one.
 */
export async function readBatched(tensors: readonly Tensor[]): Promise<TypedArray[]> {
  const groups = new Map<DType, number[]>();
  tensors.forEach((tensor, i) => {
    const group = groups.get(tensor.dtype);
    if (group) group.push(i);
    else groups.set(tensor.dtype, [i]);
  });
  const values: TypedArray[] = new Array(tensors.length);
  await Promise.all(
    [...groups.values()].map(async (members) => {
      if (members.length === 1) {
        values[members[0]] = await tensors[members[0]].data();
        return;
      }
      const joined = tidy(() =>
        concat(
          members.map((i) => flatten(tensors[i])),
          0,
        ),
      );
      let flat: TypedArray;
      try {
        flat = await joined.data();
      } finally {
        joined.dispose();
      }
      let offset = 0;
      for (const i of members) {
        values[i] = flat.subarray(offset, offset + tensors[i].size);
        offset += tensors[i].size;
      }
    }),
  );
  return values;
}

/**
 * The values of `tensors`: synchronously (`dataSync`, no await and no extra ops) on backends that
 * allow it, as `fit` did before async reads existed, else through `readBatched`.
 */
export function readValuesOf(tensors: readonly Tensor[]): TypedArray[] | Promise<TypedArray[]> {
  if (needsAsyncRead(tensors)) return readBatched(tensors);
  return tensors.map((tensor) => tensor.dataSync());
}
