const BRAND = Symbol.for('nagare.error');

/** Base class of every error nagare throws on purpose. `code` is stable; the message is for people. */
export abstract class NagareError extends Error {
  abstract readonly code: string;
  readonly [BRAND] = true;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** True for any nagare error, even one thrown by a second installed copy of the package. */
export function isNagareError(value: unknown): value is NagareError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** Formats `{ a: [2, 3], b: [4] }` as `a: [2, 3], b: [4]`. */
export function formatShapes(shapes: Record<string, readonly number[]>): string {
  return Object.entries(shapes)
    .map(([name, shape]) => `${name}: [${shape.join(', ')}]`)
    .join(', ');
}
