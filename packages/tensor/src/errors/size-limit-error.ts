import { NagareError } from './nagare-error';

/**
 * A tensor whose element count is above the allocation limit (see `setMaxElements`). Thrown before
 * anything is allocated, so a hostile file header or config value cannot exhaust memory.
 */
export class SizeLimitError extends NagareError {
  readonly code = 'SIZE_LIMIT';

  constructor(
    readonly op: string,
    readonly shape: readonly number[],
    readonly limit: number,
  ) {
    super(
      `${op}: shape [${shape.join(', ')}] has ${describeCount(shape)} elements, above the limit of ` +
        `${limit} (raise it with setMaxElements(n) if this size is intended)`,
    );
  }
}

function describeCount(shape: readonly number[]): string {
  let count = 1;
  for (const d of shape) count *= d;
  return Number.isFinite(count) ? String(count) : 'more than 2^1024';
}
