import { expect, test } from 'vitest';
import { SafetensorsError } from '../errors/safetensors-error';
import { MAX_HEADER_BYTES, MAX_HEADER_ENTRIES } from './header';
import { parseSafetensors } from './parse';

/** A safetensors file whose header lists `count` empty F32 tensors. */
function manyEntries(count: number): Uint8Array {
  const parts: string[] = [];
  for (let i = 0; i < count; i++)
    parts.push(`"${i.toString(36)}":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}`);
  const header = new TextEncoder().encode(`{${parts.join(',')}}`);
  const bytes = new Uint8Array(8 + header.length);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(header.length), true);
  bytes.set(header, 8);
  return bytes;
}

test('a header with more entries than MAX_HEADER_ENTRIES is refused at once', () => {
  // 1.7 million entries, within the 100 MB header cap: this took 30 s and 2 GB before the cap.
  const bytes = manyEntries(1_700_000);
  expect(bytes.length).toBeLessThan(MAX_HEADER_BYTES);
  const started = performance.now();
  let error: unknown;
  try {
    parseSafetensors(bytes, { source: 'many.safetensors' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(SafetensorsError);
  expect((error as SafetensorsError).problem).toBe('header-entries');
  expect((error as Error).message).toBe(
    `many.safetensors: header lists more than ${MAX_HEADER_ENTRIES} entries, the limit`,
  );
  expect(performance.now() - started).toBeLessThan(10_000);
});

test('a header at the entry limit loads', () => {
  const { tensors } = parseSafetensors(manyEntries(2000));
  expect(Object.keys(tensors)).toHaveLength(2000);
  for (const t of Object.values(tensors)) t.dispose();
});
