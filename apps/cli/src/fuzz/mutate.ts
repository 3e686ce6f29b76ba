import type { FuzzRandom } from './random';

// Values that sit on boundaries: they make lengths, counts and dims overflow or go negative.
const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff];
const INTERESTING_U32 = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 46341, 65536];
const INTERESTING_NUMBERS = [
  '0',
  '-1',
  '4294967295',
  '2147483648',
  '1e308',
  '-0',
  '1e400',
  '3.5e38',
  '9007199254740993',
];

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/** Byte-level mutations any binary format meets: flips, truncation, garbage, copied slices, big integers. */
export const BYTE_MUTATIONS: Record<string, (bytes: Uint8Array, random: FuzzRandom) => Uint8Array> = {
  bitFlips(bytes, random) {
    const out = bytes.slice();
    const flips = 1 + random.int(8);
    for (let i = 0; i < flips && out.length > 0; i++) out[random.int(out.length)] ^= 1 << random.int(8);
    return out;
  },
  interestingByte(bytes, random) {
    const out = bytes.slice();
    if (out.length > 0) out[random.int(out.length)] = random.pick(INTERESTING_BYTES);
    return out;
  },
  truncate(bytes, random) {
    return bytes.slice(0, random.int(bytes.length + 1));
  },
  appendGarbage(bytes, random) {
    const garbage = Uint8Array.from({ length: 1 + random.int(64) }, () => random.int(256));
    return concat(bytes, garbage);
  },
  deleteRange(bytes, random) {
    const start = random.int(bytes.length + 1);
    const end = Math.min(bytes.length, start + 1 + random.int(16));
    return concat(bytes.subarray(0, start), bytes.subarray(end));
  },
  duplicateSlice(bytes, random) {
    const start = random.int(bytes.length + 1);
    const slice = bytes.subarray(start, start + 1 + random.int(64));
    const at = random.int(bytes.length + 1);
    return concat(bytes.subarray(0, at), slice, bytes.subarray(at));
  },
  inflateInteger(bytes, random) {
    // A 4-byte field (a length, a count, a dim) set to a boundary value, either byte order.
    const out = bytes.slice();
    if (out.length < 4) return out;
    const offset = random.int(out.length - 3);
    new DataView(out.buffer).setUint32(offset, random.pick(INTERESTING_U32), random.next() < 0.5);
    return out;
  },
  inflateVarint(bytes, random) {
    // A protobuf length or int64 (a varint) replaced by a huge one.
    const at = random.int(bytes.length + 1);
    const huge = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f]);
    return concat(bytes.subarray(0, at), huge, bytes.subarray(Math.min(bytes.length, at + 1)));
  },
};

/** Text-level mutations for CSV and JSON: numbers blown up, lines and keys duplicated, hostile names. */
export const TEXT_MUTATIONS: Record<string, (text: string, random: FuzzRandom) => string> = {
  replaceNumber(text, random) {
    const numbers = [...text.matchAll(/-?\d+(\.\d+)?(e-?\d+)?/g)];
    if (numbers.length === 0) return text;
    const match = random.pick(numbers);
    const value = random.pick([...INTERESTING_NUMBERS, '0x10', '0b101', '1e', 'NaN', '', '""', 'null']);
    return text.slice(0, match.index) + value + text.slice(match.index + match[0].length);
  },
  duplicateLine(text, random) {
    const lines = text.split('\n');
    const i = random.int(lines.length);
    lines.splice(random.int(lines.length + 1), 0, lines[i]);
    return lines.join('\n');
  },
  deleteLine(text, random) {
    const lines = text.split('\n');
    lines.splice(random.int(lines.length), 1);
    return lines.join('\n');
  },
  hostileName(text, random) {
    const names = [...text.matchAll(/[A-Za-z_][A-Za-z_0-9]*/g)];
    if (names.length === 0) return text;
    const match = random.pick(names);
    const name = random.pick([
      '__proto__',
      'constructor',
      'toString',
      'valueOf',
      'hasOwnProperty',
      'prototype',
    ]);
    return text.slice(0, match.index) + name + text.slice(match.index + match[0].length);
  },
  insertCharacters(text, random) {
    const at = random.int(text.length + 1);
    const inserted = random.pick([
      ',',
      '"',
      '\n',
      '{',
      '}',
      '[',
      ']',
      ':',
      '\\',
      '\u0000',
      ';',
      '\r\n',
      ',,,,',
    ]);
    return text.slice(0, at) + inserted.repeat(1 + random.int(3)) + text.slice(at);
  },
  repeatBlock(text, random) {
    const start = random.int(text.length + 1);
    const block = text.slice(start, start + 1 + random.int(80));
    return text.slice(0, start) + block.repeat(2 + random.int(50)) + text.slice(start);
  },
};

/** Applies one to three mutations drawn from `table`. */
export function mutateWith<T>(
  value: T,
  table: Record<string, (value: T, random: FuzzRandom) => T>,
  random: FuzzRandom,
): { value: T; applied: string[] } {
  const names = Object.keys(table);
  const applied: string[] = [];
  let out = value;
  const count = 1 + random.int(3);
  for (let i = 0; i < count; i++) {
    const name = random.pick(names);
    applied.push(name);
    out = table[name](out, random);
  }
  return { value: out, applied };
}
