import { allocArray, type Tensor, tensor } from '@nagare/tensor';
import { SafetensorsError } from '../errors/safetensors-error';
import { DTYPE_INFO } from './dtypes';
import { parseHeader, type TensorEntry } from './header';

/** A loaded safetensors file: tensors by name and the `__metadata__` string map. */
export interface SafetensorsContent {
  tensors: Record<string, Tensor>;
  metadata: Record<string, string>;
}

/** Options of reading safetensors bytes. */
export interface ParseSafetensorsOptions {
  /** Names the file in error messages (default: the function's name). */
  source?: string;
}

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;

function readTensor(source: string, bytes: Uint8Array, dataStart: number, entry: TensorEntry): Tensor {
  const info = DTYPE_INFO[entry.dtype];
  const count = (entry.end - entry.begin) / info.bytes;
  const view = new DataView(
    bytes.buffer,
    bytes.byteOffset + dataStart + entry.begin,
    entry.end - entry.begin,
  );
  const values = allocArray(info.nagare, count);
  for (let i = 0; i < count; i++) {
    const value = info.read(view, i * info.bytes);
    if (typeof value === 'bigint') {
      if (value < INT32_MIN || value > INT32_MAX) {
        throw new SafetensorsError(
          source,
          'value-range',
          `tensor "${entry.name}" (I64) holds ${value} at index ${i}, outside int32`,
        );
      }
      values[i] = Number(value);
    } else values[i] = value;
  }
  return tensor(values, { dtype: info.nagare, shape: entry.shape });
}

function toBytes(source: string, data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new SafetensorsError(
    source,
    'truncated',
    `expected an ArrayBuffer or Uint8Array, got ${Object.prototype.toString.call(data)}`,
  );
}

/**
 * Reads safetensors bytes (browser and Node): validates the whole header and layout first, so a
 * corrupt or hostile file throws `SafetensorsError` before any tensor is created. F16/BF16 load
 * as float32, I64 and U8 as int32 (an I64 value outside int32 throws), BOOL as bool.
 *
 * @example
 * const { tensors, metadata } = parseSafetensors(await (await fetch(url)).arrayBuffer());
 */
export function parseSafetensors(
  data: ArrayBuffer | ArrayBufferView,
  options: ParseSafetensorsOptions = {},
): SafetensorsContent {
  const source = options.source ?? 'loadSafetensors';
  const bytes = toBytes(source, data);
  const { entries, metadata, dataStart } = parseHeader(source, bytes);
  const tensors: [string, Tensor][] = [];
  try {
    for (const entry of entries) tensors.push([entry.name, readTensor(source, bytes, dataStart, entry)]);
  } catch (error) {
    for (const [, t] of tensors) t.dispose();
    throw error;
  }
  // fromEntries defines own properties, so a tensor named "__proto__" cannot reach the prototype.
  return { tensors: Object.fromEntries(tensors), metadata };
}
