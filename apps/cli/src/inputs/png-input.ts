import { PNG } from 'pngjs';
import { CliError } from '../errors/cli-error';

/** Grayscale pixels in [0, 1], row-major. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Float32Array;
}

/**
 * Decodes a PNG (any color type and bit depth pngjs reads) to grayscale in [0, 1], compositing
 * transparent pixels over white (as a viewer shows them). `source` names the file in errors.
 *
 * @example
 * const image = decodePng(await readFile('digit.png'), 'digit.png'); // { width, height, pixels }
 */
export function decodePng(bytes: Uint8Array, source: string): GrayImage {
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new CliError(source, `not a readable PNG image (${(error as Error).message})`);
  }
  const { width, height, data } = png;
  const pixels = new Float32Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const [r, g, b, a] = [data[4 * i], data[4 * i + 1], data[4 * i + 2], data[4 * i + 3] / 255];
    // ITU-R BT.601 luma, the weights MNIST-style grayscale conversions use.
    const luma = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    pixels[i] = a * luma + (1 - a);
  }
  return { width, height, pixels };
}

/**
 * Resizes by area averaging (each output pixel is the mean of the input pixels it covers), which
 * keeps thin strokes visible when a large drawing is shrunk to 28×28.
 */
export function resizeGray(image: GrayImage, width: number, height: number): GrayImage {
  if (image.width === width && image.height === height) return image;
  const pixels = new Float32Array(width * height);
  const scaleX = image.width / width;
  const scaleY = image.height / height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [x0, x1] = [x * scaleX, (x + 1) * scaleX];
      const [y0, y1] = [y * scaleY, (y + 1) * scaleY];
      let total = 0;
      let weight = 0;
      for (let sy = Math.floor(y0); sy < Math.min(Math.ceil(y1), image.height); sy++) {
        const wy = Math.min(sy + 1, y1) - Math.max(sy, y0);
        for (let sx = Math.floor(x0); sx < Math.min(Math.ceil(x1), image.width); sx++) {
          const w = wy * (Math.min(sx + 1, x1) - Math.max(sx, x0));
          total += w * image.pixels[sy * image.width + sx];
          weight += w;
        }
      }
      pixels[y * width + x] = weight > 0 ? total / weight : 0;
    }
  }
  return { width, height, pixels };
}

/**
 * Makes a drawing look like MNIST data: light strokes on a dark background. A picture whose border
 * is mostly light (dark ink on paper) is inverted.
 */
export function toMnistPolarity(image: GrayImage): GrayImage {
  const { width, height, pixels } = image;
  let border = 0;
  let count = 0;
  for (let x = 0; x < width; x++) {
    border += pixels[x] + pixels[(height - 1) * width + x];
    count += 2;
  }
  for (let y = 1; y < height - 1; y++) {
    border += pixels[y * width] + pixels[y * width + width - 1];
    count += 2;
  }
  if (border / count <= 0.5) return image;
  return { width, height, pixels: pixels.map((p) => 1 - p) };
}
