import { getMaxElements } from '@nagare/tensor';
import { DataFormatError } from '../errors/data-format-error';

/**
 * Decides, from the first decompressed bytes, how many bytes the whole output must have: returns
 * `needMore` with how many leading bytes it needs to decide, or the exact `total`.
 */
export type OutputLength = (head: Uint8Array) => { needMore: number } | { total: number };

/** Options of `gunzip`. */
export interface GunzipOptions {
  /** Names the data in errors (default `'data'`). */
  file?: string;
  /** Most bytes the output may have; more is refused. Default: `getMaxElements()` bytes (256 MiB). */
  maxBytes?: number;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Streams gzip data through the platform's DecompressionStream (Node ≥ 18 and browsers), chunk by
 * chunk, keeping only what arrived: a gzip bomb stops at the first chunk past the limit, and a
 * header that promises more than the stream holds allocates nothing for it. `outputLength` (when
 * given) fixes the exact output size from the first bytes (a file header); more output or less is a
 * `DataFormatError` naming the file. Without it the output may have up to `maxBytes`.
 */
export async function gunzipBounded(
  bytes: Uint8Array,
  file: string,
  maxBytes: number,
  outputLength?: OutputLength,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let total: number | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
      if (total === undefined && outputLength) {
        const decision = outputLength(concat(chunks, length));
        if ('total' in decision) total = decision.total;
      }
      const limit = Math.min(total ?? maxBytes, maxBytes);
      if (length > limit) throw tooLong(file, total, maxBytes);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof DataFormatError) throw error;
    throw new DataFormatError(file, `corrupt gzip data (${(error as Error).message})`);
  }
  // Without a total (none asked for, or the stream ended inside the header) the caller's parser
  // reports a short header.
  if (total !== undefined && length < total)
    throw new DataFormatError(file, `truncated: decompresses to ${length} bytes, the header needs ${total}`);
  return concat(chunks, length);
}

function tooLong(file: string, total: number | undefined, maxBytes: number): DataFormatError {
  if (total !== undefined && total <= maxBytes) {
    return new DataFormatError(
      file,
      `count does not match: decompresses to more than the ${total} bytes its header describes`,
    );
  }
  return new DataFormatError(file, `decompresses to more than the ${maxBytes}-byte limit`);
}

/**
 * Decompresses gzip data as a stream, refusing output beyond `maxBytes` (default
 * `getMaxElements()` bytes) with a `DataFormatError` before it is held in memory.
 *
 * @example
 * const bytes = await gunzip(compressed, { file: 'train-images-idx3-ubyte.gz' });
 */
export async function gunzip(bytes: Uint8Array, options: GunzipOptions | string = {}): Promise<Uint8Array> {
  const { file = 'data', maxBytes = getMaxElements() } =
    typeof options === 'string' ? { file: options } : options;
  return gunzipBounded(bytes, file, maxBytes);
}
