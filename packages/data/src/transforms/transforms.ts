import {
  ArgumentError,
  add,
  div,
  type Generator,
  oneHot as oneHotOp,
  ShapeError,
  sub,
  type Tensor,
  tensor,
  tidy,
} from '@nagare/tensor';

/** A batch transform: gets a batch tensor and the loader's generator, returns a new tensor. */
export type Transform = (x: Tensor, generator: Generator) => Tensor;

/** Runs transforms left to right, freeing each intermediate. */
export function compose(...transforms: Transform[]): Transform {
  return (x, generator) => {
    let current = x;
    for (const transform of transforms) {
      const next = transform(current, generator);
      if (current !== x) current.dispose();
      current = next;
    }
    return current === x ? x.clone() : current;
  };
}

/** Applies an input transform to element 0 of a `[inputs, labels, ...]` batch and frees the old inputs. */
export function onInputs(transform: Transform): (batch: Tensor[], generator: Generator) => Tensor[] {
  return (batch, generator) => {
    const inputs = transform(batch[0], generator);
    batch[0].dispose();
    return [inputs, ...batch.slice(1)];
  };
}

/** Per-channel shape [1, C, 1, …] for a batch of rank `rank` (channel axis 1), or a scalar. */
function channelTensor(op: string, values: number | readonly number[], x: Tensor): Tensor {
  if (typeof values === 'number') return tensor(values, { dtype: x.dtype });
  if (x.rank < 2 || x.shape[1] !== values.length) {
    throw new ShapeError(
      op,
      `${values.length} channel values for a batch whose axis 1 has length ${x.shape[1]}`,
      { x: x.shape },
    );
  }
  return tensor([...values], { dtype: x.dtype, shape: [1, values.length, ...Array(x.rank - 2).fill(1)] });
}

/**
 * (x − mean) / std, with scalars or one value per channel (axis 1).
 *
 * @example
 * normalize(0.1307, 0.3081) // the usual MNIST statistics
 */
export function normalize(mean: number | readonly number[], std: number | readonly number[]): Transform {
  const stds = typeof std === 'number' ? [std] : std;
  if (stds.some((s) => !(s > 0)))
    throw new ArgumentError('normalize', `std must be positive, got [${stds.join(', ')}]`);
  return (x) =>
    tidy(() => div(sub(x, channelTensor('normalize', mean, x)), channelTensor('normalize', std, x)));
}

/** Divides by `max` (default 255) so byte pixels land in [0, 1]. */
export function scaleTo01(max = 255): Transform {
  if (!(max > 0)) throw new ArgumentError('scaleTo01', `max must be positive, got ${max}`);
  return (x) => div(x, max);
}

/** Turns int32 class labels into float32 one-hot rows of length `depth`. */
export function oneHot(depth: number): Transform {
  return (labels) => oneHotOp(labels, depth);
}

/** Adds N(0, std²) noise. */
export function gaussianNoise(std: number): Transform {
  if (!(std >= 0)) throw new ArgumentError('gaussianNoise', `std must be ≥ 0, got ${std}`);
  return (x, generator) => {
    if (x.storage.backend.readsAsyncOnly) {
      // Where reads are asynchronous only (WebGPU): the same draws, added on the backend.
      const noise = Float64Array.from({ length: x.size }, () => std * generator.nextNormal());
      return tidy(() => add(x, tensor(noise, { shape: x.shape, dtype: x.dtype })));
    }
    const values = x.dataSync().slice();
    for (let i = 0; i < values.length; i++) values[i] += std * generator.nextNormal();
    return tensor(values, { shape: x.shape, dtype: x.dtype });
  };
}
