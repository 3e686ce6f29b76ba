import { METADATA_KEYS } from './checkpoint-contents';

// A CRC-32 (the IEEE polynomial of zlib and PNG) of a safetensors file's data section, stored in its
// metadata. Written here rather than taken from node:crypto or node:zlib so checkpoints verify the
// same way in browsers. CRC-32 catches every burst error up to 32 bits and any odd number of flipped
// bits: the damage a disk or a copy does. It is not a defence against deliberate tampering.

/** Whether a checkpoint's data matches the checksum in its metadata. */
export type ChecksumStatus = 'ok' | 'failed' | 'absent';

/** The outcome of verifying a checkpoint's checksum. */
export interface ChecksumReport {
  status: ChecksumStatus;
  /** The value stored in the metadata (`crc32:` and 8 hex digits), or null when there is none. */
  expected: string | null;
  /** The value of the data as it is now. */
  actual: string;
}

const PREFIX = 'crc32:';
// Reversed 0x04C11DB7, the polynomial of IEEE 802.3.
const POLYNOMIAL = 0xedb88320;

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? POLYNOMIAL ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 of `bytes` (the value zlib's `crc32` gives).
 *
 * @example
 * crc32(new TextEncoder().encode('123456789')); // 0xcbf43926
 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The data section of safetensors bytes: everything after the 8-byte length and the JSON header. */
export function dataSection(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.subarray(8 + Number(view.getBigUint64(0, true)));
}

/** The checksum string stored in the metadata for this data section. */
export function formatChecksum(data: Uint8Array): string {
  return `${PREFIX}${crc32(data).toString(16).padStart(8, '0')}`;
}

/**
 * Checks the data section of safetensors `bytes` against the checksum in its `metadata` (as
 * `saveCheckpoint` writes it). A file written before checksums existed reports `absent`.
 *
 * @example
 * const bytes = await readFile('run/last.safetensors');
 * const { metadata } = parseSafetensors(bytes);
 * verifyCheckpointChecksum(bytes, metadata).status; // 'ok'
 */
export function verifyCheckpointChecksum(
  bytes: Uint8Array,
  metadata: Readonly<Record<string, string>>,
): ChecksumReport {
  const key = METADATA_KEYS.checksum;
  const actual = formatChecksum(dataSection(bytes));
  const expected = Object.hasOwn(metadata, key) ? metadata[key] : null;
  if (expected === null) return { status: 'absent', expected, actual };
  return { status: expected === actual ? 'ok' : 'failed', expected, actual };
}
