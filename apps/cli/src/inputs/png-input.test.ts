import { PNG } from 'pngjs';
import { expect, test } from 'vitest';
import { decodePng, resizeGray, toMnistPolarity } from './png-input';

/** A PNG of `width`×`height` RGBA pixels from a function of (x, y). */
function png(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
) {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) image.data.set(pixel(x, y), 4 * (y * width + x));
  }
  return new Uint8Array(PNG.sync.write(image));
}

test('decodes to grayscale luma and composites transparency over white', () => {
  const bytes = png(
    3,
    1,
    (x) =>
      [
        [255, 255, 255, 255],
        [255, 0, 0, 255],
        [0, 0, 0, 0],
      ][x] as [number, number, number, number],
  );
  const image = decodePng(bytes, 'a.png');
  expect(image.width).toBe(3);
  expect(image.pixels[0]).toBeCloseTo(1, 6);
  expect(image.pixels[1]).toBeCloseTo(0.299, 3);
  expect(image.pixels[2]).toBeCloseTo(1, 6);
});

test('a file that is not a PNG is a one-line error naming it', () => {
  expect(() => decodePng(new Uint8Array([1, 2, 3, 4]), 'digit.png')).toThrow(
    /^digit\.png: not a readable PNG image/,
  );
});

test('resizing averages the covered area', () => {
  const image = { width: 4, height: 2, pixels: Float32Array.from([0, 1, 1, 1, 0, 1, 0, 0]) };
  const small = resizeGray(image, 2, 1);
  expect(Array.from(small.pixels)).toEqual([0.5, 0.5]);
});

test('dark ink on a light background is inverted to MNIST polarity, light ink is kept', () => {
  const paper = { width: 3, height: 3, pixels: Float32Array.from([1, 1, 1, 1, 0, 1, 1, 1, 1]) };
  expect(Array.from(toMnistPolarity(paper).pixels)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
  const mnist = { width: 3, height: 3, pixels: Float32Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]) };
  expect(toMnistPolarity(mnist)).toBe(mnist);
});
