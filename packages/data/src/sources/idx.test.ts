import { describe, expect, test } from 'vitest';
import { DataFormatError } from '../errors/data-format-error';
import { writeIdx } from './__fixtures__/write-idx';
import { parseIdx, parseIdxInPlace, readIdx } from './idx';

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('parseIdx', () => {
  test('reads ubyte images with their shape', () => {
    const { shape, values } = parseIdx(
      writeIdx(0x08, [2, 2, 3], [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]),
    );
    expect(shape).toEqual([2, 2, 3]);
    expect(Array.from(values)).toEqual([0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
  });

  test('reads big-endian int32, float32 and float64 values', () => {
    expect(Array.from(parseIdx(writeIdx(0x0c, [3], [-1, 70000, 5])).values)).toEqual([-1, 70000, 5]);
    expect(Array.from(parseIdx(writeIdx(0x0d, [2], [1.5, -2.25])).values)).toEqual([1.5, -2.25]);
    expect(Array.from(parseIdx(writeIdx(0x0e, [1], [Math.PI])).values)).toEqual([Math.PI]);
    expect(Array.from(parseIdx(writeIdx(0x0b, [2], [-300, 300])).values)).toEqual([-300, 300]);
  });

  test('reads gzip-compressed files', async () => {
    const plain = writeIdx(0x08, [4], [9, 8, 7, 6]);
    expect(Array.from((await readIdx(await gzip(plain))).values)).toEqual([9, 8, 7, 6]);
  });

  test('a wrong magic number is a DataFormatError naming the file', () => {
    const bytes = writeIdx(0x08, [1], [1]);
    bytes[0] = 0x50;
    expect(() => parseIdx(bytes, 'digits.idx')).toThrowError(DataFormatError);
    expect(() => parseIdx(bytes, 'digits.idx')).toThrowError(/digits\.idx: wrong magic number 0x50000801/);
    const unknownType = writeIdx(0x08, [1], [1]);
    unknownType[2] = 0x42;
    expect(() => parseIdx(unknownType)).toThrowError(/wrong magic number/);
  });

  test('a truncated file says how many bytes it has and needs', () => {
    const bytes = writeIdx(0x08, [10, 28, 28], new Array(7840).fill(1));
    expect(() => parseIdx(bytes.subarray(0, 5000), 'train')).toThrowError(
      /train: truncated: 5000 bytes, shape \[10, 28, 28\] needs 7856/,
    );
    expect(() => parseIdx(bytes.subarray(0, 9))).toThrowError(/truncated header/);
    expect(() => parseIdx(bytes.subarray(0, 2))).toThrowError(/truncated/);
  });

  test('extra bytes beyond the declared count are reported', () => {
    const bytes = writeIdx(0x08, [2], [1, 2]);
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect(() => parseIdx(longer, 'labels')).toThrowError(
      /labels: count does not match: 3 bytes beyond shape \[2\]/,
    );
  });

  test('corrupt gzip data is a DataFormatError', async () => {
    const compressed = await gzip(writeIdx(0x08, [64], new Array(64).fill(3)));
    const broken = compressed.slice(0, compressed.length - 12);
    await expect(readIdx(broken, 'x.gz')).rejects.toThrowError(DataFormatError);
  });
});

describe('parseIdx copies, parseIdxInPlace views', () => {
  test('parseIdx returns values independent of the input bytes', () => {
    const bytes = writeIdx(0x08, [2], [1, 2]);
    const { values } = parseIdx(bytes);
    bytes[bytes.length - 1] = 9;
    expect(Array.from(values)).toEqual([1, 2]);
  });

  test('parseIdxInPlace returns byte values as a view of the input', () => {
    const bytes = writeIdx(0x08, [2], [1, 2]);
    const { values } = parseIdxInPlace(bytes);
    expect(values.buffer).toBe(bytes.buffer);
    expect(Array.from(values)).toEqual([1, 2]);
  });
});
