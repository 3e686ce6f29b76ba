import { SafetensorsError } from '../errors/safetensors-error';
import { DTYPE_INFO, isReadableDType, KNOWN_SAFETENSORS_DTYPES, type SafetensorsDType } from './dtypes';
import { scanJsonKeys } from './json-keys';

/** One tensor's header entry, validated: offsets are relative to the start of the data section. */
export interface TensorEntry {
  name: string;
  dtype: SafetensorsDType;
  shape: number[];
  begin: number;
  end: number;
}

/** The reference implementation refuses headers above 100 MB; so does nagare. */
export const MAX_HEADER_BYTES = 100_000_000;

/**
 * Most entries (tensors plus `__metadata__`) a header may list. 100 MB of JSON can list ~1.7
 * million tiny tensors, which would take seconds and gigabytes to build; real checkpoints list
 * thousands.
 */
export const MAX_HEADER_ENTRIES = 100_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Reads the 8-byte little-endian header length and checks it fits in the file. */
export function readHeaderLength(source: string, bytes: Uint8Array): number {
  if (bytes.length < 8) {
    throw new SafetensorsError(
      source,
      'truncated',
      `file is ${bytes.length} bytes, shorter than the 8-byte header length`,
    );
  }
  const length = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (length > BigInt(MAX_HEADER_BYTES)) {
    throw new SafetensorsError(
      source,
      'header-length',
      `header length ${length} is above the ${MAX_HEADER_BYTES}-byte limit`,
    );
  }
  if (length > BigInt(bytes.length - 8)) {
    throw new SafetensorsError(
      source,
      'header-length',
      `header length ${length} runs past the end of the ${bytes.length}-byte file`,
    );
  }
  return Number(length);
}

function parseJson(source: string, headerBytes: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(headerBytes);
  } catch {
    throw new SafetensorsError(source, 'header-encoding', 'header is not valid UTF-8');
  }
  if (!text.startsWith('{'))
    throw new SafetensorsError(source, 'header-json', 'header does not start with "{"');
  // One linear scan before JSON.parse, so an oversized header is refused before it is built.
  const { topLevelKeys, duplicate } = scanJsonKeys(text, MAX_HEADER_ENTRIES);
  if (topLevelKeys > MAX_HEADER_ENTRIES) {
    throw new SafetensorsError(
      source,
      'header-entries',
      `header lists more than ${MAX_HEADER_ENTRIES} entries, the limit`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SafetensorsError(
      source,
      'header-json',
      `header is not valid JSON (${(error as Error).message})`,
    );
  }
  if (!isRecord(parsed)) throw new SafetensorsError(source, 'header-json', 'header is not a JSON object');
  if (duplicate !== undefined)
    throw new SafetensorsError(source, 'duplicate-name', `header lists "${duplicate}" twice`);
  return parsed;
}

function parseMetadata(source: string, value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value))
    throw new SafetensorsError(source, 'metadata', '__metadata__ must be an object of strings');
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') {
      throw new SafetensorsError(
        source,
        'metadata',
        `__metadata__ value of "${key}" is a ${typeof item}, not a string`,
      );
    }
  }
  return { ...(value as Record<string, string>) };
}

function parseEntry(source: string, name: string, value: unknown): TensorEntry {
  if (!isRecord(value))
    throw new SafetensorsError(source, 'header-structure', `entry "${name}" is not an object`);
  const { dtype, shape, data_offsets: offsets } = value;
  if (typeof dtype !== 'string')
    throw new SafetensorsError(source, 'header-structure', `tensor "${name}" has no dtype string`);
  if (!isReadableDType(dtype)) {
    const kind = KNOWN_SAFETENSORS_DTYPES.includes(dtype) ? 'unsupported' : 'unknown';
    throw new SafetensorsError(source, 'dtype', `tensor "${name}" has ${kind} dtype "${dtype}"`);
  }
  if (!Array.isArray(shape) || !shape.every(isCount)) {
    throw new SafetensorsError(
      source,
      'shape',
      `tensor "${name}" has an invalid shape ${JSON.stringify(shape)}`,
    );
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount) || offsets[0] > offsets[1]) {
    throw new SafetensorsError(
      source,
      'offsets',
      `tensor "${name}" has invalid data_offsets ${JSON.stringify(offsets)}`,
    );
  }
  const elements = shape.reduce((p: number, d: number) => p * d, 1);
  const expected = elements * DTYPE_INFO[dtype].bytes;
  if (!Number.isSafeInteger(expected) || expected !== offsets[1] - offsets[0]) {
    throw new SafetensorsError(
      source,
      'byte-count',
      `tensor "${name}" (${dtype} [${shape.join(', ')}]) needs ${expected} bytes but data_offsets [${offsets.join(', ')}] span ${offsets[1] - offsets[0]}`,
    );
  }
  return { name, dtype, shape: [...shape], begin: offsets[0], end: offsets[1] };
}

/**
 * Checks the data layout as the reference reader does: sorted by offset, the tensors tile the data
 * section exactly, from 0 to its end, without holes, overlaps or trailing bytes. Linear: entries
 * are bucketed by their start, and the walk from byte 0 takes each bucket's empty tensors, then
 * its one non-empty tensor.
 */
function checkLayout(source: string, entries: TensorEntry[], dataLength: number): void {
  const byBegin = new Map<number, TensorEntry[]>();
  for (const entry of entries) {
    if (entry.end > dataLength) {
      throw new SafetensorsError(
        source,
        'offsets',
        `tensor "${entry.name}" ends at byte ${entry.end}, past the ${dataLength}-byte data section`,
      );
    }
    const bucket = byBegin.get(entry.begin);
    if (bucket) bucket.push(entry);
    else byBegin.set(entry.begin, [entry]);
  }
  let expected = 0;
  const chain: TensorEntry[] = [];
  const visitedBegins = new Set<number>();
  for (;;) {
    const bucket = byBegin.get(expected) ?? [];
    visitedBegins.add(expected);
    const filled = bucket.filter((entry) => entry.end > entry.begin);
    if (filled.length > 1) {
      throw new SafetensorsError(
        source,
        'overlap',
        `tensor "${filled[1].name}" [${filled[1].begin}, ${filled[1].end}) overlaps "${filled[0].name}" ending at ${filled[0].end}`,
      );
    }
    if (filled.length === 0) break;
    chain.push(filled[0]);
    expected = filled[0].end;
  }
  let stray: TensorEntry | undefined;
  for (const entry of entries) {
    if (!visitedBegins.has(entry.begin) && (!stray || entry.begin < stray.begin)) stray = entry;
  }
  if (!stray) {
    if (expected !== dataLength) {
      throw new SafetensorsError(
        source,
        'trailing-bytes',
        `data section has ${dataLength - expected} bytes after the last tensor`,
      );
    }
    return;
  }
  // The first tensor the walk from byte 0 did not reach starts inside another one, or after a hole.
  const host = chain.find((entry) => entry.begin < stray.begin && stray.begin < entry.end);
  if (host) {
    throw new SafetensorsError(
      source,
      'overlap',
      `tensor "${stray.name}" [${stray.begin}, ${stray.end}) overlaps "${host.name}" ending at ${host.end}`,
    );
  }
  throw new SafetensorsError(
    source,
    'offsets',
    `bytes [${expected}, ${stray.begin}) before tensor "${stray.name}" belong to no tensor`,
  );
}

/** Parses and validates the header of a safetensors file held in `bytes`. */
export function parseHeader(
  source: string,
  bytes: Uint8Array,
): { entries: TensorEntry[]; metadata: Record<string, string>; dataStart: number } {
  const headerLength = readHeaderLength(source, bytes);
  const header = parseJson(source, bytes.subarray(8, 8 + headerLength));
  const metadata = parseMetadata(source, header.__metadata__);
  const entries = Object.entries(header)
    .filter(([name]) => name !== '__metadata__')
    .map(([name, value]) => parseEntry(source, name, value));
  const dataStart = 8 + headerLength;
  checkLayout(source, entries, bytes.length - dataStart);
  return { entries, metadata, dataStart };
}
