import { gzipSync } from 'node:zlib';
import { getMaxElements } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { DataFormatError } from '../errors/data-format-error';
import { writeIdx } from './__fixtures__/write-idx';
import { gunzip } from './gunzip';
import { parseIdx, readIdx } from './idx';

/** An IDX header with arbitrary dims (no values). */
function header(type: number, dims: number[]): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(bytes.buffer);
  bytes[2] = type;
  bytes[3] = dims.length;
  dims.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d);
  });
  return bytes;
}

const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

describe('IDX from hostile files', () => {
  test('33 dims of 0xFFFFFFFF then a 0 are refused instead of making the count NaN', async () => {
    const bytes = header(0x08, [...Array(33).fill(0xffffffff), 0]);
    expect(() => parseIdx(bytes, 'nan.idx')).toThrowError(DataFormatError);
    expect(() => parseIdx(bytes, 'nan.idx')).toThrowError(
      /nan\.idx: shape \[.*\] has more than \d+ elements/,
    );
    await expect(readIdx(gzipSync(bytes), 'nan.idx.gz')).rejects.toThrowError(/nan\.idx\.gz: shape/);
  });

  test('a shape above the tensor size limit is refused before anything is allocated', () => {
    const bytes = header(0x0e, [65536, 65536]);
    expect(() => parseIdx(bytes, 'big.idx')).toThrowError(new RegExp(`more than ${getMaxElements()}`));
  });

  test('trailing garbage after a gzip-compressed file is refused, naming the file', async () => {
    const plain = join(writeIdx(0x08, [3], [1, 2, 3]), new Uint8Array([7]));
    await expect(readIdx(gzipSync(plain), 'labels.gz')).rejects.toThrowError(DataFormatError);
    await expect(readIdx(gzipSync(plain), 'labels.gz')).rejects.toThrowError(
      /labels\.gz: count does not match: decompresses to more than the 11 bytes its header describes/,
    );
  });

  test('a gzip bomb stops at the size its header gives', async () => {
    // 16 MiB of zeros behind a header for 10 bytes compresses to about 16 KiB.
    const bomb = gzipSync(join(header(0x08, [10]), new Uint8Array(16 * 2 ** 20)));
    await expect(readIdx(bomb, 'bomb.gz')).rejects.toThrowError(
      /bomb\.gz: count does not match: decompresses to more than the 18 bytes/,
    );
  });

  test('a gzip-compressed file shorter than its header says is truncated', async () => {
    const short = gzipSync(join(header(0x08, [10]), new Uint8Array(4)));
    await expect(readIdx(short, 'short.gz')).rejects.toThrowError(
      /short\.gz: truncated: decompresses to 12 bytes/,
    );
    await expect(readIdx(gzipSync(new Uint8Array([0, 0])), 'tiny.gz')).rejects.toThrowError(
      /tiny\.gz: truncated/,
    );
  });

  test('gunzip refuses output above maxBytes', async () => {
    const compressed = gzipSync(new Uint8Array(1 << 20));
    await expect(gunzip(compressed, { file: 'big.gz', maxBytes: 1000 })).rejects.toThrowError(
      /big\.gz: decompresses to more than the 1000-byte limit/,
    );
    expect((await gunzip(compressed, { maxBytes: 1 << 20 })).length).toBe(1 << 20);
  });
});
