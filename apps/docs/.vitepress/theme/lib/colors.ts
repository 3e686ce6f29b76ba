// Class colors shared by the demos' canvases (readable on light and dark themes).

/** RGB of class 0, 1, 2, … (orange, blue, green, as in the TensorFlow Playground). */
export const CLASS_RGB: readonly [number, number, number][] = [
  [245, 147, 34],
  [8, 119, 189],
  [46, 160, 67],
  [200, 60, 120],
];

/** A CSS color for class `label`. */
export function classColor(label: number, alpha = 1): string {
  const [r, g, b] = CLASS_RGB[label % CLASS_RGB.length];
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
