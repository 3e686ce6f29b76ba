import { ArgumentError, allocArray, ShapeError, type Tensor, tensor } from '@nagare/tensor';
import { gatherPixels } from './gather-pixels';
import type { Transform } from './transforms';

function checkImages(op: string, x: Tensor): [number, number, number, number] {
  if (x.rank !== 4) throw new ShapeError(op, 'expected a batch of images [N, C, H, W]', { x: x.shape });
  return x.shape as [number, number, number, number];
}

/**
 * Moves each image by (dy, dx), filling uncovered pixels with `fill`: the shared core of random
 * crop-with-padding and random shifts (both are a translation of the image inside a fixed frame).
 */
function translate(x: Tensor, offsets: (n: number) => [number, number], fill = 0): Tensor {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const isOnDevice = x.storage.backend.readsAsyncOnly === true;
  // On a backend that reads only asynchronously the same loops build gather positions instead.
  const src = isOnDevice ? null : x.dataSync();
  const out = src ? allocArray(x.dtype, src.length) : new Int32Array(x.size);
  out.fill(src ? fill : -1);
  for (let s = 0; s < n; s++) {
    const [dy, dx] = offsets(s);
    for (let ch = 0; ch < c; ch++) {
      const plane = (s * c + ch) * h * w;
      for (let y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
        const from = plane + (y - dy) * w;
        const to = plane + y * w;
        for (let xx = Math.max(0, dx); xx < Math.min(w, w + dx); xx++)
          out[to + xx] = src ? src[from + xx - dx] : from + xx - dx;
      }
    }
  }
  if (!src) return gatherPixels(x, out as Int32Array, fill);
  return tensor(out, { shape: x.shape, dtype: x.dtype });
}

/**
 * Random crop after zero padding by `padding` pixels on each side (the CIFAR/MNIST augmentation):
 * the same as shifting each image by a uniform offset in [−padding, padding] on both axes.
 */
export function randomCrop(padding: number): Transform {
  if (!Number.isInteger(padding) || padding < 0)
    throw new ArgumentError('randomCrop', `padding must be a non-negative integer, got ${padding}`);
  return (x, g) => {
    checkImages('randomCrop', x);
    return translate(x, () => [g.nextInt(2 * padding + 1) - padding, g.nextInt(2 * padding + 1) - padding]);
  };
}

/** Random translation by up to `maxShift` pixels on each axis (an affine shift), filling with `fill`. */
export function randomShift(maxShift: number, fill = 0): Transform {
  if (!Number.isInteger(maxShift) || maxShift < 0)
    throw new ArgumentError('randomShift', `maxShift must be a non-negative integer, got ${maxShift}`);
  return (x, g) => {
    checkImages('randomShift', x);
    return translate(
      x,
      () => [g.nextInt(2 * maxShift + 1) - maxShift, g.nextInt(2 * maxShift + 1) - maxShift],
      fill,
    );
  };
}

/** Mirrors each image left–right with probability p. */
export function randomHorizontalFlip(p = 0.5): Transform {
  if (!(p >= 0 && p <= 1)) throw new ArgumentError('randomHorizontalFlip', `p must be in [0, 1], got ${p}`);
  return (x, g) => {
    const [n, c, h, w] = checkImages('randomHorizontalFlip', x);
    const isOnDevice = x.storage.backend.readsAsyncOnly === true;
    // On a backend that reads only asynchronously the same loop builds gather positions instead.
    const src = isOnDevice ? Int32Array.from({ length: x.size }, (_, i) => i) : x.dataSync();
    const out = src.slice();
    for (let s = 0; s < n; s++) {
      if (g.nextFloat() >= p) continue;
      for (let row = 0; row < c * h; row++) {
        const base = (s * c * h + row) * w;
        for (let col = 0; col < w; col++) out[base + col] = src[base + w - 1 - col];
      }
    }
    if (isOnDevice) return gatherPixels(x, out as Int32Array, 0);
    return tensor(out, { shape: x.shape, dtype: x.dtype });
  };
}
