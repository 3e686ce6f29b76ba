import type { StateDict } from '@nagare/layers';
import { Tensor, type TypedArray } from '@nagare/tensor';
import { SafetensorsError } from '../errors/safetensors-error';
import { DTYPE_INFO, type SafetensorsDType, WRITE_ORDER } from './dtypes';

/** Options of writing safetensors. */
export interface SaveSafetensorsOptions {
  /**
   * The dtype int32 tensors are written as: 'I32' (default) or 'I64', which is what PyTorch uses
   * for integer buffers such as BatchNorm's `num_batches_tracked`.
   */
  int32As?: 'I32' | 'I64';
}

/** A tensor dict to save: a state dict (`module.stateDict()`) or a Map of name → tensor. */
export type TensorDict = StateDict | ReadonlyMap<string, Tensor>;

const SOURCE = 'saveSafetensors';
const utf8 = new TextEncoder();

function fileDType(tensor: Tensor, options: SaveSafetensorsOptions): SafetensorsDType {
  switch (tensor.dtype) {
    case 'float64':
      return 'F64';
    case 'float32':
      return 'F32';
    case 'int32':
      return options.int32As ?? 'I32';
    default:
      return 'BOOL';
  }
}

// The reference writer orders names by their UTF-8 bytes; JS compares UTF-16 code units.
function compareUtf8(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** How the encoder gets a tensor's values: `dataSync`, or values read beforehand with `data()`. */
export type ValuesOf = (tensor: Tensor) => TypedArray;

const readNow: ValuesOf = (tensor) => tensor.dataSync();

function encodeValues(values: TypedArray, dtype: SafetensorsDType): Uint8Array {
  const { bytes } = DTYPE_INFO[dtype];
  const out = new Uint8Array(values.length * bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    if (dtype === 'F64') view.setFloat64(i * 8, values[i], true);
    else if (dtype === 'F32') view.setFloat32(i * 4, values[i], true);
    else if (dtype === 'I64') view.setBigInt64(i * 8, BigInt(values[i]), true);
    else if (dtype === 'I32') view.setInt32(i * 4, values[i], true);
    else out[i] = values[i] ? 1 : 0;
  }
  return out;
}

function checkInputs(tensors: TensorDict, metadata: Record<string, string> | undefined): [string, Tensor][] {
  const entries = tensors instanceof Map ? [...tensors] : Object.entries(tensors as StateDict);
  for (const [name, value] of entries) {
    if (name === '__metadata__')
      throw new SafetensorsError(SOURCE, 'invalid-state-dict', 'a tensor may not be named "__metadata__"');
    if (!(value instanceof Tensor))
      throw new SafetensorsError(SOURCE, 'invalid-state-dict', `value of "${name}" is not a Tensor`);
    if (value.isDisposed)
      throw new SafetensorsError(SOURCE, 'invalid-state-dict', `tensor "${name}" was disposed`);
  }
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (typeof value !== 'string')
      throw new SafetensorsError(
        SOURCE,
        'metadata',
        `metadata value of "${key}" is a ${typeof value}, not a string`,
      );
  }
  return entries;
}

/**
 * Encodes tensors as safetensors chunks: the 8-byte little-endian header length plus the JSON
 * header (space-padded to a multiple of 8 bytes), then each tensor's little-endian bytes, laid out
 * as the reference writer does (larger dtypes first, then by name).
 */
export function safetensorsChunks(
  tensors: TensorDict,
  metadata?: Record<string, string>,
  options: SaveSafetensorsOptions = {},
  valuesOf: ValuesOf = readNow,
): Uint8Array[] {
  const entries = checkInputs(tensors, metadata)
    .map(([name, tensor]) => ({ name, tensor, dtype: fileDType(tensor, options) }))
    .sort((a, b) => WRITE_ORDER[a.dtype] - WRITE_ORDER[b.dtype] || compareUtf8(a.name, b.name));
  // The header is assembled by hand: a JS object would move integer-like names ("0", "1") first,
  // and the reference writer lists tensors in data order after "__metadata__".
  const parts: string[] = metadata ? [`"__metadata__":${JSON.stringify(metadata)}`] : [];
  const data: Uint8Array[] = [];
  let offset = 0;
  for (const { name, tensor, dtype } of entries) {
    const bytes = encodeValues(valuesOf(tensor), dtype);
    const info = { dtype, shape: [...tensor.shape], data_offsets: [offset, offset + bytes.length] };
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(info)}`);
    data.push(bytes);
    offset += bytes.length;
  }
  const json = utf8.encode(`{${parts.join(',')}}`);
  const padded = new Uint8Array(8 + Math.ceil(json.length / 8) * 8).fill(0x20);
  new DataView(padded.buffer).setBigUint64(0, BigInt(padded.length - 8), true);
  padded.set(json, 8);
  return [padded, ...data];
}

/**
 * `safetensorsChunks` on every backend: checks the inputs, starts every tensor's `data()` read at
 * once (before the first await, so the values are those at call time on synchronous backends),
 * then encodes. The tensors must stay alive until the promise settles.
 */
export async function safetensorsChunksAsync(
  tensors: TensorDict,
  metadata?: Record<string, string>,
  options: SaveSafetensorsOptions = {},
): Promise<Uint8Array[]> {
  const list = checkInputs(tensors, metadata).map(([, tensor]) => tensor);
  const values = await Promise.all(list.map((tensor) => tensor.data()));
  const byTensor = new Map(list.map((tensor, i) => [tensor, values[i]]));
  return safetensorsChunks(tensors, metadata, options, (tensor) => byTensor.get(tensor) as TypedArray);
}

function join(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * `serializeSafetensors` for every backend, WebGPU included: reads the tensors with `data()`
 * instead of `dataSync()`. The tensors must stay alive until the promise settles.
 *
 * @example
 * const bytes = await serializeSafetensorsAsync(model.stateDict(), { format: 'pt' });
 */
export async function serializeSafetensorsAsync(
  tensors: TensorDict,
  metadata?: Record<string, string>,
  options: SaveSafetensorsOptions = {},
): Promise<Uint8Array> {
  return join(await safetensorsChunksAsync(tensors, metadata, options));
}

/**
 * Encodes a state dict as one safetensors byte array (works in browsers and Node). It reads
 * synchronously: on a backend that reads only asynchronously use `serializeSafetensorsAsync`.
 *
 * @example
 * const bytes = serializeSafetensors(model.stateDict(), { format: 'pt' });
 */
export function serializeSafetensors(
  tensors: TensorDict,
  metadata?: Record<string, string>,
  options: SaveSafetensorsOptions = {},
): Uint8Array {
  return join(safetensorsChunks(tensors, metadata, options));
}
