import { formatShapes, NagareError } from './nagare-error';

/** Shapes that do not fit the op: `matmul: inner dimensions differ (a: [2, 3], b: [4, 5])`. */
export class ShapeError extends NagareError {
  readonly code = 'SHAPE_MISMATCH';

  constructor(
    readonly op: string,
    detail: string,
    readonly shapes: Record<string, readonly number[]> = {},
  ) {
    super(Object.keys(shapes).length ? `${op}: ${detail} (${formatShapes(shapes)})` : `${op}: ${detail}`);
  }
}
