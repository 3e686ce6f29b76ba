// Draws the Playground's decision regions and data points on a canvas.
import { CLASS_RGB, classColor } from './colors';
import type { BoundaryGrid } from './playground-protocol';

/**
 * Paints each grid cell in its predicted class's color, paler where the model is unsure
 * (confidence near 1/classes), then the points on top: training points filled, test points ringed.
 */
export function drawBoundary(
  canvas: HTMLCanvasElement,
  extent: number,
  classes: number,
  grid: BoundaryGrid | null,
  train: { points: Float32Array; labels: Int32Array } | null,
  test: { points: Float32Array; labels: Int32Array } | null,
): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const { width, height } = canvas;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  if (grid) {
    const image = context.createImageData(grid.size, grid.size);
    for (let cell = 0; cell < grid.size * grid.size; cell++) {
      const [r, g, b] = CLASS_RGB[grid.predicted[cell] % CLASS_RGB.length];
      // 0 at chance level, 1 at certainty.
      const strength = Math.max(0, (grid.confidence[cell] - 1 / classes) / (1 - 1 / classes));
      const mix = 0.15 + 0.55 * strength;
      image.data[4 * cell] = 255 + (r - 255) * mix;
      image.data[4 * cell + 1] = 255 + (g - 255) * mix;
      image.data[4 * cell + 2] = 255 + (b - 255) * mix;
      image.data[4 * cell + 3] = 255;
    }
    const scratch = document.createElement('canvas');
    scratch.width = grid.size;
    scratch.height = grid.size;
    scratch.getContext('2d')?.putImageData(image, 0, 0);
    context.imageSmoothingEnabled = true;
    context.drawImage(scratch, 0, 0, width, height);
  }
  const toPixel = (x: number, y: number): [number, number] => [
    ((x + extent) / (2 * extent)) * width,
    ((extent - y) / (2 * extent)) * height,
  ];
  const drawPoints = (set: { points: Float32Array; labels: Int32Array } | null, isTest: boolean) => {
    if (!set) return;
    for (let i = 0; i < set.labels.length; i++) {
      const [px, py] = toPixel(set.points[2 * i], set.points[2 * i + 1]);
      context.beginPath();
      context.arc(px, py, 3.2, 0, 2 * Math.PI);
      context.fillStyle = isTest ? '#ffffff' : classColor(set.labels[i]);
      context.fill();
      context.lineWidth = isTest ? 1.6 : 1;
      context.strokeStyle = isTest ? classColor(set.labels[i]) : 'rgba(255, 255, 255, 0.9)';
      context.stroke();
    }
  };
  drawPoints(train, false);
  drawPoints(test, true);
}
