import { tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { SafetensorsError, type SafetensorsProblem } from '../errors/safetensors-error';
import { buildFile, le } from './__fixtures__/build-file';
import { parseSafetensors } from './parse';
import { serializeSafetensors } from './serialize';

const entry = (dtype: string, shape: number[], begin: number, end: number) =>
  `{"dtype":"${dtype}","shape":${JSON.stringify(shape)},"data_offsets":[${begin},${end}]}`;

function problemOf(bytes: Uint8Array): { problem: SafetensorsProblem; message: string } {
  try {
    parseSafetensors(bytes, { source: 'bad.safetensors' });
  } catch (error) {
    if (error instanceof SafetensorsError) return { problem: error.problem, message: error.message };
    throw error;
  }
  throw new Error('the file loaded');
}

describe('parseSafetensors', () => {
  test('reads I64, U8, F16, BF16 written by hand, converting to int32 and float32', () => {
    const i64 = le(8, [5n, -(2n ** 31n)], (v, o, x: bigint) => v.setBigInt64(o, x, true));
    const f16 = le(2, [0x3c00, 0xc000, 0x3555, 0x0001, 0x7c00, 0x7e00, 0x8000], (v, o, x: number) =>
      v.setUint16(o, x, true),
    );
    const bf16 = le(2, [0x3f80, 0x4049], (v, o, x: number) => v.setUint16(o, x, true));
    const header = `{"l":${entry('I64', [2], 0, 16)},"h":${entry('F16', [7], 16, 30)},"b":${entry('BF16', [2, 1], 30, 34)},"u":${entry('U8', [2], 34, 36)}}`;
    const { tensors, metadata } = parseSafetensors(buildFile(header, [...i64, ...f16, ...bf16, 200, 7]));
    expect(metadata).toEqual({});
    expect([tensors.l.dtype, tensors.l.toArray()]).toEqual(['int32', [5, -(2 ** 31)]]);
    expect(tensors.h.dtype).toBe('float32');
    expect(tensors.h.toArray()).toEqual([
      1,
      -2,
      Math.fround(0.33325195),
      Math.fround(2 ** -24),
      Infinity,
      Number.NaN,
      -0,
    ]);
    expect([tensors.b.shape, tensors.b.toArray()]).toEqual([
      [2, 1],
      [[1], [3.140625]],
    ]);
    expect([tensors.u.dtype, tensors.u.toArray()]).toEqual(['int32', [200, 7]]);
  });

  test('accepts a Uint8Array view into a larger buffer, zero-size tensors and null metadata', () => {
    const inner = buildFile(
      `{"__metadata__":null,"e":${entry('F32', [0], 0, 0)},"x":${entry('F32', [1], 0, 4)}}`,
      [0, 0, 0x80, 0x3f],
    );
    const outer = new Uint8Array(inner.length + 5);
    outer.set(inner, 3);
    const { tensors } = parseSafetensors(outer.subarray(3, 3 + inner.length));
    expect(tensors.e.shape).toEqual([0]);
    expect(tensors.x.toArray()).toEqual([1]);
  });

  const valid = serializeSafetensors({ a: tensor([1, 2]), b: tensor([3], { dtype: 'int32' }) });
  const hostile: [string, Uint8Array, SafetensorsProblem, RegExp][] = [
    [
      'a file shorter than 8 bytes',
      valid.subarray(0, 5),
      'truncated',
      /5 bytes, shorter than the 8-byte header length/,
    ],
    [
      'a header length beyond the file',
      buildFile('{}', [], 1000n),
      'header-length',
      /header length 1000 runs past the end/,
    ],
    [
      'a header length above 100 MB',
      buildFile('{}', [], 2n ** 63n),
      'header-length',
      /above the 100000000-byte limit/,
    ],
    [
      'a header that is not UTF-8',
      buildFile('{"ab":1}').map((b, i) => (i === 10 ? 0xff : b)),
      'header-encoding',
      /not valid UTF-8/,
    ],
    ['invalid JSON', buildFile('{"a":', []), 'header-json', /not valid JSON/],
    ['a header not starting with {', buildFile(' {}', []), 'header-json', /does not start with "\{"/],
    ['a JSON array header', buildFile('[1]', []), 'header-json', /does not start/],
    [
      'a duplicated tensor name',
      buildFile(`{"a":${entry('U8', [1], 0, 1)},"a":${entry('U8', [1], 1, 2)}}`, [1, 2]),
      'duplicate-name',
      /lists "a" twice/,
    ],
    ['an unknown dtype', buildFile(`{"a":${entry('F7', [1], 0, 1)}}`, [1]), 'dtype', /unknown dtype "F7"/],
    [
      'a dtype nagare does not read',
      buildFile(`{"a":${entry('F8_E4M3', [1], 0, 1)}}`, [1]),
      'dtype',
      /unsupported dtype "F8_E4M3"/,
    ],
    [
      'a negative dimension',
      buildFile(`{"a":${entry('U8', [-1], 0, 1)}}`, [1]),
      'shape',
      /invalid shape \[-1\]/,
    ],
    ['a fractional dimension', buildFile(`{"a":${entry('U8', [1.5], 0, 1)}}`, [1]), 'shape', /invalid shape/],
    [
      'offsets out of range',
      buildFile(`{"a":${entry('U8', [4], 0, 4)}}`, [1, 2]),
      'offsets',
      /ends at byte 4, past the 2-byte data section/,
    ],
    [
      'reversed offsets',
      buildFile(`{"a":{"dtype":"U8","shape":[0],"data_offsets":[2,1]}}`, [1, 2]),
      'offsets',
      /invalid data_offsets \[2,1\]/,
    ],
    [
      'overlapping tensors',
      buildFile(`{"a":${entry('U8', [2], 0, 2)},"b":${entry('U8', [2], 1, 3)}}`, [1, 2, 3]),
      'overlap',
      /"b" \[1, 3\) overlaps "a"/,
    ],
    [
      'a hole between tensors',
      buildFile(`{"a":${entry('U8', [1], 0, 1)},"b":${entry('U8', [1], 2, 3)}}`, [1, 2, 3]),
      'offsets',
      /bytes \[1, 2\) before tensor "b" belong to no tensor/,
    ],
    [
      'bytes after the last tensor',
      buildFile(`{"a":${entry('U8', [1], 0, 1)}}`, [1, 2]),
      'trailing-bytes',
      /1 bytes after the last tensor/,
    ],
    [
      'a shape that does not match the byte count',
      buildFile(`{"a":${entry('F32', [3], 0, 8)}}`, new Array(8).fill(0)),
      'byte-count',
      /needs 12 bytes but data_offsets \[0, 8\] span 8/,
    ],
    [
      'an entry that is not an object',
      buildFile('{"a":3}', []),
      'header-structure',
      /entry "a" is not an object/,
    ],
    [
      'an entry without dtype',
      buildFile('{"a":{"shape":[],"data_offsets":[0,0]}}', []),
      'header-structure',
      /no dtype/,
    ],
    ['non-string metadata', buildFile('{"__metadata__":{"epoch":3}}', []), 'metadata', /"epoch" is a number/],
    [
      'an I64 value outside int32',
      buildFile(
        `{"a":${entry('I64', [1], 0, 8)}}`,
        le(8, [2n ** 40n], (v, o, x: bigint) => v.setBigInt64(o, x, true)),
      ),
      'value-range',
      /holds 1099511627776 at index 0, outside int32/,
    ],
  ];
  test.each(hostile)('%s is a SafetensorsError naming the problem', (_, bytes, problem, message) => {
    const error = problemOf(bytes);
    expect(error.problem).toBe(problem);
    expect(error.message).toMatch(/^bad\.safetensors: /);
    expect(error.message).toMatch(message);
  });

  test('a huge shape cannot force a large allocation: the byte count is checked first', () => {
    expect(
      problemOf(buildFile(`{"a":${entry('F64', [2 ** 40, 2 ** 40], 0, 8)}}`, new Array(8).fill(0))).problem,
    ).toBe('byte-count');
  });

  test('deeply nested JSON is rejected without overflowing the stack', () => {
    const deep = `{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(['header-json', 'header-structure']).toContain(problemOf(buildFile(deep, [])).problem);
  });

  test('a non-buffer argument is a SafetensorsError', () => {
    expect(() => parseSafetensors('file' as never)).toThrow(SafetensorsError);
  });
});
