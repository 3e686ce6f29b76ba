// Turns a drawing into an MNIST-style 28×28 input: MNIST digits are scaled so their bounding box
// fits 20×20 pixels and then centered by their center of mass in the 28×28 frame. A drawing
// prepared the same way looks to the network like the digits it learned from.

/** Grayscale ink (0…1) of a canvas with white strokes on black, read from its red channel. */
function inkOf(canvas: HTMLCanvasElement): { ink: Float32Array; width: number; height: number } {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2-D canvas context');
  const { width, height } = canvas;
  const rgba = context.getImageData(0, 0, width, height).data;
  const ink = new Float32Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = rgba[4 * i] / 255;
  return { ink, width, height };
}

/** The 784 pixels (row-major, 0…1) of the drawing on `canvas`, or null when nothing is drawn. */
export function digitPixels(canvas: HTMLCanvasElement): Float32Array | null {
  const { ink, width, height } = inkOf(canvas);
  let top = height;
  let bottom = -1;
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > 0.1) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  if (bottom < 0) return null;
  const boxWidth = right - left + 1;
  const boxHeight = bottom - top + 1;
  const scale = 20 / Math.max(boxWidth, boxHeight);
  // Draw the bounding box scaled into a 28×28 canvas, then shift by the center of mass.
  const small = document.createElement('canvas');
  small.width = 28;
  small.height = 28;
  const context = small.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2-D canvas context');
  context.fillStyle = '#000';
  context.fillRect(0, 0, 28, 28);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  const drawnWidth = boxWidth * scale;
  const drawnHeight = boxHeight * scale;
  context.drawImage(
    canvas,
    left,
    top,
    boxWidth,
    boxHeight,
    (28 - drawnWidth) / 2,
    (28 - drawnHeight) / 2,
    drawnWidth,
    drawnHeight,
  );
  const centered = inkOf(small).ink;
  let mass = 0;
  let cx = 0;
  let cy = 0;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = centered[y * 28 + x];
      mass += v;
      cx += v * x;
      cy += v * y;
    }
  }
  const shiftX = Math.round(13.5 - cx / mass);
  const shiftY = Math.round(13.5 - cy / mass);
  const pixels = new Float32Array(784);
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const sx = x - shiftX;
      const sy = y - shiftY;
      if (sx >= 0 && sx < 28 && sy >= 0 && sy < 28) pixels[y * 28 + x] = centered[sy * 28 + sx];
    }
  }
  return pixels;
}

/** Paints 784 pixels (0…1) into a canvas as a grayscale image, white ink on black. */
export function paintPixels(canvas: HTMLCanvasElement, pixels: Float32Array): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = Math.round(Math.min(1, Math.max(0, pixels[i])) * 255);
    image.data.set([v, v, v, 255], 4 * i);
  }
  context.putImageData(image, 0, 0);
}
